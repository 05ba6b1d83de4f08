package dev.meshprov.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Readers for the few field shapes of the contract's request bodies that {@link FieldReader} does not cover. */
final class WireFields {

    private static final int QUOTED_VALUE_LIMIT = 60;

    private WireFields() {}

    /** A required enum value, written exactly as one of the constants' names. */
    static <E extends Enum<E>> Validation<Seq<Problem>, E> requiredEnum(
            FieldReader fields, String field, Class<E> type, String solution) {
        if (!fields.has(field)) {
            return Validations.invalid(fields.problem(field, "is required but missing", solution));
        }
        JsonNode value = fields.raw(field);
        if (!value.isTextual()) {
            return Validations.invalid(fields.problem(
                    field,
                    "must be one of " + allowed(type) + ", but is " + Descriptors.describeType(value),
                    solution));
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.asText())) {
                return Validations.valid(constant);
            }
        }
        return Validations.invalid(fields.problem(
                field, "is '" + quoted(value.asText()) + "', which is not one of " + allowed(type), solution));
    }

    /** {@code A, B, C}: only for a problem, never on the way of a valid value. */
    private static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A required {@code true} or {@code false}. */
    static Validation<Seq<Problem>, Boolean> requiredBoolean(FieldReader fields, String field, String solution) {
        return fields.optionalBoolean(field, solution)
                .flatMap(value -> value.isPresent()
                        ? Validations.valid(value.get())
                        : Validations.invalid(fields.problem(field, "is required but missing", solution)));
    }

    /** A required string that may be empty. */
    static Validation<Seq<Problem>, String> requiredString(FieldReader fields, String field, String solution) {
        if (!fields.has(field)) {
            return Validations.invalid(fields.problem(field, "is required but missing", solution));
        }
        return string(fields, field, solution);
    }

    /** An optional string; a blank one counts as absent. */
    static Validation<Seq<Problem>, Optional<String>> optionalString(
            FieldReader fields, String field, String solution) {
        if (!fields.has(field)) {
            return Validations.valid(Optional.empty());
        }
        return string(fields, field, solution).map(text -> Optional.of(text).filter(t -> !t.isBlank()));
    }

    private static Validation<Seq<Problem>, String> string(FieldReader fields, String field, String solution) {
        JsonNode value = fields.raw(field);
        if (!value.isTextual()) {
            return Validations.invalid(
                    fields.problem(field, "must be a string, but is " + Descriptors.describeType(value), solution));
        }
        return Validations.valid(value.asText());
    }

    private static String quoted(String value) {
        return value.length() <= QUOTED_VALUE_LIMIT ? value : value.substring(0, QUOTED_VALUE_LIMIT) + "...";
    }
}
