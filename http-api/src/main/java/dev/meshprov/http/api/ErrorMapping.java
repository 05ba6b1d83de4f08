package dev.meshprov.http.api;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.secret.RedactedThrowable;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.wire.ErrorJson;
import dev.meshprov.http.wire.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP layer answers when no handler produced the response: requests refused by the HTTP layer itself
 * (413 body too large, 404 unknown path, 405 wrong method — each a JSON {@code RequestValidationError}) and bugs
 * (500 {@code SystemError} with an error id under which the log has the redacted stack trace).
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final Responder responder;
    private final Redactor redactor;
    private final long maxBodyBytes;
    private final String endpoints;

    /**
     * @param endpoints the endpoints of this server in one line, for the answer to an unknown path
     */
    ErrorMapping(Responder responder, Redactor redactor, long maxBodyBytes, String endpoints) {
        this.responder = responder;
        this.redactor = redactor;
        this.maxBodyBytes = maxBodyBytes;
        this.endpoints = endpoints;
    }

    /** Javalin's own refusals: 413, 404, 405 and any other status it raises. */
    void refused(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status >= 500) {
            bug(e, ctx);
            return;
        }
        if (status == 405) {
            ctx.header("Allow", allowed(e));
        }
        responder.invalid(ctx, status, Action.ROUTE, Optional.empty(), List.of(problem(e, ctx)));
    }

    /** Anything thrown by a handler: a bug. */
    void bug(Exception e, Context ctx) {
        String errorId = UUID.randomUUID().toString();
        LOG.error(
                "Internal error {} while handling {} {}",
                errorId,
                ctx.method(),
                ctx.path(),
                RedactedThrowable.of(e, redactor));
        responder.json(ctx, 500, ErrorJson.internalError(errorId));
    }

    private Problem problem(HttpResponseException e, Context ctx) {
        String request = ctx.method() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 413 ->
                Problem.of(
                        JsonBody.FIELD,
                        "is larger than this server accepts (" + maxBodyBytes + " bytes)",
                        "Send a smaller request, or raise server.maxBodyBytes in the meshprov configuration.");
            case 404 ->
                Problem.of(
                        "path",
                        request + " is not an endpoint of this server",
                        "Use one of the endpoints of the Specific Provisioner API 2.2.0: " + endpoints + ".");
            case 405 ->
                Problem.of(
                        "method",
                        ctx.method() + " is not allowed on " + ctx.path(),
                        "Use " + allowed(e) + " " + ctx.path() + ".");
            default ->
                Problem.of(
                        "request",
                        request + " was refused: " + e.getMessage(),
                        "Check the request against the contract at GET /openapi.yaml.");
        };
    }

    private static String allowed(HttpResponseException e) {
        return e.getDetails().getOrDefault("availableMethods", "GET, POST");
    }
}
