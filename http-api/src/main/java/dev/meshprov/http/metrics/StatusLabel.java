package dev.meshprov.http.metrics;

/** The {@code status} label of an HTTP status code, without a new string per request for the usual codes. */
final class StatusLabel {

    private static final int FIRST = 100;
    private static final String[] LABELS = new String[500];

    static {
        for (int i = 0; i < LABELS.length; i++) {
            LABELS[i] = Integer.toString(FIRST + i);
        }
    }

    private StatusLabel() {}

    /** {@code "200"} for 200. */
    static String of(int status) {
        int index = status - FIRST;
        return index >= 0 && index < LABELS.length ? LABELS[index] : Integer.toString(status);
    }
}
