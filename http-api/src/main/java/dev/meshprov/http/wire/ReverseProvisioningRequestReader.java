package dev.meshprov.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Optional;

/**
 * Reads the contract's {@code ReverseProvisioningRequest} ({@code useCaseTemplateId}, {@code environment},
 * {@code params}, {@code catalogInfo}), reporting every problem together, each named by its field.
 */
public final class ReverseProvisioningRequestReader {

    /** The contract's name of the body. */
    public static final String SCHEMA = "ReverseProvisioningRequest";

    private ReverseProvisioningRequestReader() {}

    /** Reads a request body. */
    public static Validation<Seq<Problem>, ReverseProvisioningRequest> read(byte[] body) {
        return JsonBody.object(body, SCHEMA).flatMap(root -> read(FieldReader.of(root, "")));
    }

    private static Validation<Seq<Problem>, ReverseProvisioningRequest> read(FieldReader fields) {
        ProblemList problems = new ProblemList();
        String useCase = problems.take(
                fields.requiredText(
                        "useCaseTemplateId",
                        "Set useCaseTemplateId to the component's use case template, e.g."
                                + " urn:dmb:utm:airbyte-standard:0.0.0."),
                null);
        String environment = problems.take(
                fields.requiredText("environment", "Set environment to the target environment, e.g. development."),
                null);
        JsonNode params = object(fields, "params", "Send params as an object of the technology's inputs.", problems);
        JsonNode catalogInfo = object(
                fields, "catalogInfo", "Send catalogInfo as the component's catalog-info.yaml as an object.", problems);
        return problems.toValidation(() -> new ReverseProvisioningRequest(useCase, environment, params, catalogInfo));
    }

    private static JsonNode object(FieldReader fields, String field, String solution, ProblemList problems) {
        Optional<FieldReader> value = problems.take(fields.optionalObject(field, solution), Optional.empty());
        return value.map(FieldReader::node).orElseGet(WireJson::object);
    }
}
