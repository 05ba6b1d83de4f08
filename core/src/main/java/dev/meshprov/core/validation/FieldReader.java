package dev.meshprov.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed fields from one object of a descriptor tree. Every problem names the full dot path of the field,
 * what is wrong (including what was found instead) and the fix given by the caller. {@code null} counts as absent.
 */
public final class FieldReader {

    private final JsonNode node;
    private final String path;

    private FieldReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** A reader of {@code node}, whose own dot path is {@code path}. */
    public static FieldReader of(JsonNode node, String path) {
        return new FieldReader(node, path);
    }

    /** The object read. */
    public JsonNode node() {
        return node;
    }

    /** This object's dot path. */
    public String path() {
        return path;
    }

    /** The dot path of one of this object's fields. */
    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Whether {@code field} is present and not null. */
    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The raw value of {@code field}; a missing node when absent. */
    public JsonNode raw(String field) {
        return node.path(field);
    }

    /** A problem located at {@code field} of this object. */
    public Problem problem(String field, String message, String solution) {
        return Problem.of(path(field), message, solution);
    }

    public Validation<Seq<Problem>, String> requiredText(String field, String solution) {
        return optionalText(field, solution)
                .flatMap(value -> value.isPresent()
                        ? Validations.valid(value.get())
                        : Validations.invalid(problem(field, "is required but missing", solution)));
    }

    /** A string, absent when missing or null; a blank string is a problem. */
    public Validation<Seq<Problem>, Optional<String>> optionalText(String field, String solution) {
        if (!has(field)) {
            return Validations.valid(Optional.empty());
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            return Validations.invalid(
                    problem(field, "must be a string, but is " + Descriptors.describeType(value), solution));
        }
        if (value.asText().isBlank()) {
            return Validations.invalid(problem(field, "must not be blank", solution));
        }
        return Validations.valid(Optional.of(value.asText()));
    }

    public Validation<Seq<Problem>, FieldReader> requiredObject(String field, String solution) {
        return optionalObject(field, solution)
                .flatMap(value -> value.isPresent()
                        ? Validations.valid(value.get())
                        : Validations.invalid(problem(field, "is required but missing", solution)));
    }

    /** A nested object, absent when missing or null. */
    public Validation<Seq<Problem>, Optional<FieldReader>> optionalObject(String field, String solution) {
        if (!has(field)) {
            return Validations.valid(Optional.empty());
        }
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            return Validations.invalid(
                    problem(field, "must be an object, but is " + Descriptors.describeType(value), solution));
        }
        return Validations.valid(Optional.of(new FieldReader(value, path(field))));
    }

    /** A whole number greater than zero, absent when missing or null. */
    public Validation<Seq<Problem>, Optional<Integer>> optionalPositiveInt(String field, String solution) {
        if (!has(field)) {
            return Validations.valid(Optional.empty());
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return Validations.invalid(
                    problem(field, "must be a whole number, but is " + describeValue(value), solution));
        }
        if (value.intValue() <= 0) {
            return Validations.invalid(
                    problem(field, "must be greater than zero, but is " + value.intValue(), solution));
        }
        return Validations.valid(Optional.of(value.intValue()));
    }

    /** A boolean, absent when missing or null. */
    public Validation<Seq<Problem>, Optional<Boolean>> optionalBoolean(String field, String solution) {
        if (!has(field)) {
            return Validations.valid(Optional.empty());
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            return Validations.invalid(
                    problem(field, "must be true or false, but is " + describeValue(value), solution));
        }
        return Validations.valid(Optional.of(value.booleanValue()));
    }

    /** A list of non-blank strings; empty when missing or null. Every bad element is reported. */
    public Validation<Seq<Problem>, List<String>> optionalTextList(String field, String solution) {
        if (!has(field)) {
            return Validations.valid(List.of());
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            return Validations.invalid(
                    problem(field, "must be a list of strings, but is " + Descriptors.describeType(value), solution));
        }
        List<Problem> problems = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = path(field) + "[" + i + "]";
            if (!element.isTextual()) {
                problems.add(Problem.of(
                        elementPath, "must be a string, but is " + Descriptors.describeType(element), solution));
            } else if (element.asText().isBlank()) {
                problems.add(Problem.of(elementPath, "must not be blank", solution));
            } else {
                values.add(element.asText());
            }
        }
        return Validations.fromProblems(problems, () -> List.copyOf(values));
    }

    /** A short description of a scalar for messages: its type and, when short, its value. */
    static String describeValue(JsonNode value) {
        String type = Descriptors.describeType(value);
        if (value.isValueNode() && !value.isNull()) {
            String text = value.isNumber() ? numberText(value) : value.asText();
            if (text.length() <= 40) {
                return type + " (" + text + ")";
            }
        }
        return type;
    }

    private static String numberText(JsonNode value) {
        if (value.isIntegralNumber()) {
            BigInteger big = value.bigIntegerValue();
            return big.toString();
        }
        return value.asText();
    }
}
