package dev.meshprov.core.secret;

/**
 * A copy of an exception and its causes for logging, with every message passed through the {@link Redactor} and
 * the stack traces kept: a bug report without the secrets an exception message may quote.
 */
public final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private RedactedThrowable(String message, RedactedThrowable cause) {
        super(message, cause, false, true);
    }

    /** The copy of {@code original} to log: every message of it and its causes redacted, the stack traces kept. */
    public static RedactedThrowable of(Throwable original, Redactor redactor) {
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
