package dev.meshprov.http.api;

import dev.meshprov.core.model.Problem;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bearer-token authentication of the contract endpoints ({@code /v1/...}, {@code /v2/...}, at the root and under
 * every technology prefix), when {@code server.auth.tokens} is configured. The health probes, the contract and any
 * other operational path stay open. A request without a valid {@code Authorization: Bearer <token>} gets a 401
 * {@code RequestValidationError} with {@code WWW-Authenticate: Bearer}.
 *
 * <p>The presented token is compared with every configured token, always all of them, with
 * {@link MessageDigest#isEqual} (whose time depends only on the length of the presented token), so neither the
 * response time nor the answer tells which token came close.
 */
final class BearerAuth {

    private static final Pattern CONTRACT_PATH = Pattern.compile("^(/[a-z][a-z0-9-]*)?/v[12](/.*)?$");
    private static final String SCHEME = "Bearer ";

    private final List<byte[]> tokens;
    private final Responder responder;
    private final String basePath;

    /**
     * @param tokens the accepted tokens, at least one
     * @param basePath {@code server.basePath} ({@code ""} for none): the contract endpoints under it are protected too
     */
    BearerAuth(List<String> tokens, Responder responder, String basePath) {
        this.tokens = tokens.stream()
                .map(token -> token.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.responder = responder;
        this.basePath = basePath;
    }

    /** Whether {@code path} is a contract endpoint, which needs a token. */
    static boolean isProtected(String path) {
        return CONTRACT_PATH.matcher(path).matches();
    }

    /** Whether {@code path} is a contract endpoint, at the root or under {@code basePath}. */
    static boolean isProtected(String path, String basePath) {
        return isProtected(path)
                || !basePath.isEmpty()
                        && path.startsWith(basePath + "/")
                        && isProtected(path.substring(basePath.length()));
    }

    /** A before-handler: answers 401 and skips the endpoint unless the request may go on. */
    void check(Context ctx) {
        if (!isProtected(ctx.path(), basePath)) {
            return;
        }
        Optional<Problem> problem = problem(ctx.header("Authorization"));
        if (problem.isPresent()) {
            ctx.header("WWW-Authenticate", "Bearer");
            responder.invalid(ctx, 401, Action.AUTHENTICATE, Optional.empty(), List.of(problem.get()));
            ctx.skipRemainingHandlers();
        }
    }

    private Optional<Problem> problem(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(Problem.of(
                    "Authorization",
                    "is required but missing",
                    "Send the header Authorization: Bearer <token> with one of the tokens configured in"
                            + " server.auth.tokens."));
        }
        if (header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.of(Problem.of(
                    "Authorization", "is not a bearer token", "Send the header as Authorization: Bearer <token>."));
        }
        if (!accepted(header.substring(SCHEME.length()).strip())) {
            return Optional.of(Problem.of(
                    "Authorization",
                    "carries a token this server does not accept",
                    "Send one of the tokens configured in server.auth.tokens."));
        }
        return Optional.empty();
    }

    private boolean accepted(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] token : tokens) {
            matched |= MessageDigest.isEqual(candidate, token);
        }
        return matched;
    }
}
