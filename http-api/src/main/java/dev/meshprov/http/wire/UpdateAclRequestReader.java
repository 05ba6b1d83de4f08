package dev.meshprov.http.wire;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;

/**
 * Reads the contract's {@code UpdateAclRequest} ({@code refs}, {@code provisionInfo.request},
 * {@code provisionInfo.result}), reporting every problem together, each named by its field (e.g. {@code refs[2]}).
 */
public final class UpdateAclRequestReader {

    /** The contract's name of the body. */
    public static final String SCHEMA = "UpdateAclRequest";

    private UpdateAclRequestReader() {}

    /** Reads a request body. */
    public static Validation<Seq<Problem>, UpdateAclRequest> read(byte[] body) {
        return JsonBody.object(body, SCHEMA).flatMap(root -> read(FieldReader.of(root, "")));
    }

    private static Validation<Seq<Problem>, UpdateAclRequest> read(FieldReader fields) {
        ProblemList problems = new ProblemList();
        String refsFix = "Send refs as the full list of principals to grant, e.g. [\"user:alice\", \"group:team\"]"
                + " ([] revokes everyone).";
        List<String> refs = List.of();
        if (fields.has("refs")) {
            refs = problems.take(fields.optionalTextList("refs", refsFix), List.of());
        } else {
            problems.add(fields.problem("refs", "is required but missing", refsFix));
        }
        String infoFix = "Send provisionInfo with request (the component descriptor used to provision it) and"
                + " result (the provisioning result message).";
        FieldReader info = problems.take(fields.requiredObject("provisionInfo", infoFix), null);
        String request = null;
        String result = null;
        if (info != null) {
            request = problems.take(
                    info.requiredText(
                            "request",
                            "Put the component descriptor (dataProduct and componentIdToProvision, JSON or YAML)"
                                    + " in provisionInfo.request."),
                    null);
            result = problems.take(
                    WireFields.requiredString(
                            info,
                            "result",
                            "Put the result message of the latest provisioning in provisionInfo.result (may be"
                                    + " empty)."),
                    null);
        }
        List<String> principals = refs;
        String descriptor = request;
        String outcome = result;
        return problems.toValidation(() -> new UpdateAclRequest(principals, descriptor, outcome));
    }
}
