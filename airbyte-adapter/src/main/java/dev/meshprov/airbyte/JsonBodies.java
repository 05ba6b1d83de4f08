package dev.meshprov.airbyte;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vavr.control.Either;
import java.io.IOException;

/** The JSON mapping of the wire types, and readers of 2xx bodies for {@link CallRunner}. */
final class JsonBodies {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    ObjectMapper mapper() {
        return mapper;
    }

    <T> CallRunner.Reader<T> reader(Class<T> type) {
        return reader(mapper.constructType(type));
    }

    <T> CallRunner.Reader<T> reader(JavaType type) {
        return (status, body) -> {
            if (body.length == 0) {
                return Either.left("HTTP " + status + " with an empty body, where a JSON answer was expected");
            }
            try {
                T value = mapper.readValue(body, type);
                return value == null ? Either.left("the answer is JSON null") : Either.right(value);
            } catch (IOException e) {
                return Either.left(
                        "the answer is not the expected JSON (" + e.getClass().getSimpleName() + ")");
            }
        };
    }

    /** A reader for answers whose body does not matter (e.g. a 204 to a delete). */
    static CallRunner.Reader<Integer> status() {
        return (status, body) -> Either.right(status);
    }
}
