package dev.meshprov.http.api;

import dev.meshprov.core.secret.Redactor;

/**
 * A copy of an exception and its causes for logging, with every message passed through the {@link Redactor} and
 * the stack traces kept: a bug report without the secrets an exception message may quote.
 */
final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private RedactedThrowable(String message, RedactedThrowable cause) {
        super(message, cause, false, true);
    }

    static RedactedThrowable of(Throwable original, Redactor redactor) {
        return copy(original, redactor, 0);
    }

    private static RedactedThrowable copy(Throwable original, Redactor redactor, int depth) {
        Throwable cause = original.getCause();
        RedactedThrowable causeCopy =
                cause != null && cause != original && depth < MAX_CAUSES ? copy(cause, redactor, depth + 1) : null;
        RedactedThrowable copy = new RedactedThrowable(redactor.redact(original.toString()), causeCopy);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
