package dev.meshprov.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A captured response.
 *
 * @param status the status code
 * @param contentType the Content-Type header, or null
 * @param body the body as text
 * @param headers every response header, names in lower case
 */
public record ApiResponse(int status, String contentType, String body, Map<String, List<String>> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A response without headers other than its content type. */
    public ApiResponse(int status, String contentType, String body) {
        this(status, contentType, body, Map.of());
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream()
                .findFirst();
    }

    /** The WWW-Authenticate header, or null. */
    public String wwwAuthenticate() {
        return header("WWW-Authenticate").orElse(null);
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("the body is not JSON: " + body, e);
        }
    }

    /** The media type without parameters, e.g. {@code application/json}. */
    public String mediaType() {
        return contentType == null ? null : contentType.split(";", 2)[0].trim();
    }

    ApiResponse withStatus(int other) {
        return new ApiResponse(other, contentType, body, headers);
    }
}
