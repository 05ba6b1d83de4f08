package dev.meshprov.http.testing;

/** Closing several test resources together. */
public final class Resources {

    private Resources() {}

    /**
     * Closes every resource, in order, even when one fails; then throws the first failure (a fake's contract
     * violation is an {@link AssertionError}) with the later ones suppressed.
     */
    public static void closeAll(AutoCloseable... resources) {
        Throwable first = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first != null) {
            throw new IllegalStateException("closing a test resource failed", first);
        }
    }
}
