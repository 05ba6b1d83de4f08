package dev.meshprov.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * A captured response.
 *
 * @param status the status code
 * @param contentType the Content-Type header, or null
 * @param body the body as text
 * @param wwwAuthenticate the WWW-Authenticate header, or null
 */
public record ApiResponse(int status, String contentType, String body, String wwwAuthenticate) {

    public ApiResponse(int status, String contentType, String body) {
        this(status, contentType, body, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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
        return new ApiResponse(other, contentType, body, wwwAuthenticate);
    }
}
