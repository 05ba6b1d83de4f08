package dev.meshprov.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Supplies the {@code Authorization} header of each call. Implementations are thread-safe. */
interface Authentication {

    /** The header value to send, or empty for none; a failure when a token could not be obtained. */
    Either<UpstreamFailure, Optional<String>> header();

    /** Forgets {@code header} after Airbyte refused it; whether asking again may give a different one. */
    default boolean invalidate(String header) {
        return false;
    }

    /** No header. */
    static Authentication none() {
        return () -> Either.right(Optional.empty());
    }

    /** The same header every time (basic or a static bearer token). */
    static Authentication fixed(String header) {
        Either<UpstreamFailure, Optional<String>> value = Either.right(Optional.of(header));
        return () -> value;
    }

    static Authentication basic(String username, String password) {
        String credentials = username + ":" + password;
        return fixed("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    static Authentication bearer(String token) {
        return fixed("Bearer " + token);
    }
}
