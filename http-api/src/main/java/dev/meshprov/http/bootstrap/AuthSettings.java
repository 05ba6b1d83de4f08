package dev.meshprov.http.bootstrap;

import dev.meshprov.core.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Section {@code server.auth}: bearer tokens that callers of the contract endpoints must present. Off when no
 * tokens are configured (the default). The key {@code tokens} looks secret, so the composition root registers every
 * token with the redactor.
 *
 * @param tokens the accepted tokens, each at least {@value #MIN_TOKEN_LENGTH} characters; null when off
 */
public record AuthSettings(List<String> tokens) {

    /** The shortest token accepted: shorter ones are guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    /** Authentication turned off. */
    static final AuthSettings OFF = new AuthSettings(null);

    public AuthSettings {
        tokens = tokens == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(tokens));
    }

    /** Whether callers must present a token. */
    public boolean enabled() {
        return tokens != null;
    }

    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (tokens == null) {
            return problems;
        }
        if (tokens.isEmpty()) {
            problems.add(Problem.of(
                    "server.auth.tokens",
                    "is an empty list",
                    "List at least one token of " + MIN_TOKEN_LENGTH + " or more characters, or remove"
                            + " server.auth.tokens to serve without authentication."));
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String key = "server.auth.tokens[" + i + "]";
            if (token == null || token.isBlank()) {
                problems.add(Problem.of(
                        key,
                        "is empty",
                        "Set a random token of at least " + MIN_TOKEN_LENGTH
                                + " characters, e.g. from `openssl rand -hex 32`."));
            } else if (token.length() < MIN_TOKEN_LENGTH) {
                problems.add(Problem.of(
                        key,
                        "is shorter than " + MIN_TOKEN_LENGTH + " characters",
                        "Use a random token of at least " + MIN_TOKEN_LENGTH
                                + " characters, e.g. from `openssl rand -hex 32`."));
            } else if (!token.equals(token.strip()) || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                problems.add(Problem.of(
                        key,
                        "contains spaces or characters that cannot travel in an Authorization header",
                        "Use printable ASCII characters only, e.g. a token from `openssl rand -hex 32`."));
            }
        }
        return problems;
    }
}
