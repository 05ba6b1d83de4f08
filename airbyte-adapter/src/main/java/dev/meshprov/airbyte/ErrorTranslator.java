package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.secret.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns Airbyte's error answers and I/O errors into {@link UpstreamFailure}s: the message and the validation errors
 * of a 400/422 are kept (Airbyte's public API answers problem JSON whose {@code data.message} says what was wrong,
 * e.g. the connector specification's complaints; older versions also listed {@code validationErrors}), a request
 * the server could not bind is answered with only an {@code errorId} whose details are in the Airbyte server's log,
 * and every text passes the {@link Redactor} first, since Airbyte may echo the configuration, secrets included.
 */
final class ErrorTranslator {

    static final String SYSTEM = "Airbyte";
    private static final int MAX_MESSAGE = 500;
    private static final int MAX_DETAIL = 300;
    private static final int MAX_DETAILS = 20;

    private final ObjectMapper mapper;
    private final Redactor redactor;

    /** Where the calls go, for the failures of calls that got no answer; {@code ""} when unknown. */
    private final String apiUrl;

    ErrorTranslator(ObjectMapper mapper, Redactor redactor) {
        this(mapper, redactor, "");
    }

    /** A translator whose I/O failures name the URL tried: {@code apiUrl} and the call's path. */
    ErrorTranslator(ObjectMapper mapper, Redactor redactor, String apiUrl) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.apiUrl = apiUrl;
    }

    /** The failure for an answer with a non-2xx status. */
    UpstreamFailure fromStatus(Call call, int status, byte[] body) {
        Parsed parsed = parse(body);
        String detail = "HTTP " + status + (parsed.message().isEmpty() ? "" : ": " + parsed.message());
        String operation = call.describe();
        return switch (status) {
            case 400, 422 -> new UpstreamFailure.Rejected(SYSTEM, operation, status, detail, parsed.details());
            case 401 ->
                new UpstreamFailure.Unauthorized(
                        SYSTEM, operation, detail + " (check airbyte.auth: its credentials were refused)");
            case 403 ->
                UpstreamFailure.Unauthorized.forbidden(
                        SYSTEM, operation, detail + " (check the permissions of airbyte.auth's user or application)");
            case 404 -> new UpstreamFailure.NotFound(SYSTEM, operation, detail);
            case 409 -> new UpstreamFailure.Conflict(SYSTEM, operation, detail);
            case 429 -> new UpstreamFailure.Unavailable(SYSTEM, operation, detail + " (rate limited)");
            default ->
                status >= 500
                        ? new UpstreamFailure.Unavailable(SYSTEM, operation, detail)
                        : status >= 400
                                ? new UpstreamFailure.Rejected(SYSTEM, operation, status, detail, parsed.details())
                                : new UpstreamFailure.Malformed(SYSTEM, operation, "unexpected " + detail);
        };
    }

    /** The failure for an attempt that got no answer; it names the URL tried. */
    UpstreamFailure fromIo(Call call, IOException error) {
        String what = error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + redactor.redact(clip(error.getMessage(), MAX_DETAIL)));
        String url = apiUrl.isEmpty() || call.target().contains("://") ? "" : apiUrl + call.target();
        String to = url.isEmpty() ? "" : " to " + url;
        if (error instanceof HttpConnectTimeoutException) {
            return new UpstreamFailure.TimedOut(
                    SYSTEM, call.describe(), "no connection in time" + to + " (" + what + ")");
        }
        if (error instanceof HttpTimeoutException) {
            String from = url.isEmpty() ? "" : " from " + url;
            return new UpstreamFailure.TimedOut(
                    SYSTEM, call.describe(), "no answer in time" + from + " (" + what + ")");
        }
        if (error instanceof ConnectException) {
            return new UpstreamFailure.Unavailable(SYSTEM, call.describe(), "cannot connect" + to + " (" + what + ")");
        }
        return new UpstreamFailure.Unavailable(SYSTEM, call.describe(), "connection failed" + to + " (" + what + ")");
    }

    /** The failure for a 2xx answer meshprov cannot read. */
    UpstreamFailure malformed(Call call, String problem) {
        return new UpstreamFailure.Malformed(SYSTEM, call.describe(), redactor.redact(problem));
    }

    /** The message and the validation errors of an error body, redacted and bounded. */
    private Parsed parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new Parsed("", List.of());
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return new Parsed(redact(text, MAX_MESSAGE), List.of());
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode node : List.of(root, root.path("data"))) {
            for (String field : List.of("title", "message", "detail", "error")) {
                text(node.path(field)).filter(t -> !parts.contains(t)).ifPresent(parts::add);
            }
        }
        text(root.path("errorId"))
                .ifPresent(id -> parts.add("Airbyte error id " + id + " (the Airbyte server's log has the details)"));
        List<String> details = new ArrayList<>();
        for (JsonNode node : List.of(root, root.path("data"))) {
            for (String field : List.of("validationErrors", "errors")) {
                for (JsonNode error : node.path(field)) {
                    if (details.size() < MAX_DETAILS) {
                        describe(error).ifPresent(text -> details.add(redact(text, MAX_DETAIL)));
                    }
                }
            }
        }
        return new Parsed(redact(String.join(" - ", parts), MAX_MESSAGE), details);
    }

    private static Optional<String> describe(JsonNode error) {
        if (error.isTextual()) {
            return text(error);
        }
        if (!error.isObject()) {
            return Optional.empty();
        }
        Optional<String> where = Optional.<String>empty()
                .or(() -> text(error.path("property")))
                .or(() -> text(error.path("propertyPath")))
                .or(() -> text(error.path("path")))
                .or(() -> text(error.path("field")));
        Optional<String> what = Optional.<String>empty()
                .or(() -> text(error.path("message")))
                .or(() -> text(error.path("error")))
                .or(() -> text(error.path("reason")))
                .or(() -> text(error.path("invalidValue")).map(v -> "invalid value"));
        if (what.isEmpty()) {
            return where;
        }
        return Optional.of(where.map(w -> w + ": ").orElse("") + what.get());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText().strip())
                : Optional.empty();
    }

    private String redact(String text, int limit) {
        return clip(redactor.redact(text), limit);
    }

    private static String clip(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "...";
    }

    private record Parsed(String message, List<String> details) {}
}
