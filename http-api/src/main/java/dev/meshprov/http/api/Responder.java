package dev.meshprov.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.wire.ErrorJson;
import dev.meshprov.http.wire.WireJson;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes every response body of the API, after passing it through the process {@link Redactor}: a configured
 * secret never leaves in a response, whatever put it into the body.
 */
final class Responder {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    private final Redactor redactor;

    Responder(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * A JSON body, written straight to the response stream (Javalin's own {@code result(bytes)} would copy it once
     * more through a buffer of Jetty's output size, 32 KiB, per response). The one body of a request: set every header
     * before it.
     */
    void json(Context ctx, int status, JsonNode body) {
        JsonNode redacted = redactor.redact(body);
        ctx.status(status).contentType(JSON);
        WireJson.write(redacted, ctx.outputStream());
    }

    /** A JSON string, with its quotes: {@code "value"}. */
    void jsonString(Context ctx, int status, String value) {
        json(ctx, status, TextNode.valueOf(value));
    }

    /** A bare text body, e.g. a task token. */
    void text(Context ctx, int status, String value) {
        ctx.status(status).contentType(TEXT).result(redactor.redact(value).getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code RequestValidationError} with {@code status} (400 unless the HTTP layer itself refused the request). */
    void invalid(Context ctx, int status, Action action, Optional<String> input, List<Problem> problems) {
        json(ctx, status, ErrorJson.requestValidationError(action.rejected(), input, problems));
    }

    /** A 400 {@code RequestValidationError}. */
    void invalid(Context ctx, Action action, List<Problem> problems) {
        invalid(ctx, 400, action, Optional.empty(), problems);
    }

    /** A 500 {@code SystemError}: the input could not be checked because an upstream system failed. */
    void couldNotCheck(Context ctx, Action action, List<UpstreamOutage> outages) {
        json(ctx, 500, ErrorJson.couldNotCheck(action.failed(), Optional.empty(), outages));
    }

    /** A 500 {@code SystemError}: the input was fine, the operation was not. */
    void failed(Context ctx, Action action, String error, List<Problem> problems) {
        json(ctx, 500, ErrorJson.systemError(action.failed(), error, Optional.empty(), problems));
    }
}
