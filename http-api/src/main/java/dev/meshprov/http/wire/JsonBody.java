package dev.meshprov.http.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;

/**
 * Reads a request body as one JSON object, or says precisely why it is not one: empty, not JSON (with line and
 * column), a duplicate key, or another JSON value than an object. Problems are located at {@link #FIELD}.
 */
public final class JsonBody {

    /** The field name of problems about the body as a whole. */
    public static final String FIELD = "body";

    private JsonBody() {}

    /** The body as a JSON object; {@code schema} names the expected shape in messages, e.g. ProvisioningRequest. */
    public static Validation<Seq<Problem>, JsonNode> object(byte[] body, String schema) {
        if (isBlank(body)) {
            return Validations.invalid(Problem.of(FIELD, "is empty", "Send a JSON " + schema + " as the body."));
        }
        JsonNode root;
        try {
            root = WireJson.read(body);
        } catch (JsonProcessingException e) {
            return Validations.invalid(Problem.of(
                    FIELD,
                    "is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()),
                    "Send a well-formed JSON " + schema + " (check quotes, commas and brackets at that position)."));
        } catch (IOException e) {
            return Validations.invalid(
                    Problem.of(FIELD, "could not be read: " + e.getMessage(), "Send the " + schema + " again."));
        }
        if (!root.isObject()) {
            return Validations.invalid(Problem.of(
                    FIELD,
                    "must be a JSON object, but is " + Descriptors.describeType(root),
                    "Send a JSON object with the fields of " + schema + "."));
        }
        return Validations.valid(root);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
