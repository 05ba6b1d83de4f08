package dev.meshprov.http.fuzz;

/**
 * One generated request.
 *
 * @param number its position in the run, which with the seed reproduces it
 * @param description what was mutated, for the failure message
 * @param path where it is posted
 * @param body the request body
 * @param outcome the status it was answered with and, for an accepted task, the task's final status; empty before
 *     it is sent
 */
record FuzzCase(int number, String description, String path, String body, String outcome) {

    FuzzCase(int number, String description, String path, String body) {
        this(number, description, path, body, "");
    }

    FuzzCase answered(String answer) {
        return new FuzzCase(number, description, path, body, answer);
    }

    /** The description and the start of the body, short enough for a failure message. */
    String summary() {
        String head = body.length() > 600 ? body.substring(0, 600) + "... (" + body.length() + " chars)" : body;
        return printable("#" + number + " POST " + path + " [" + description + "] " + head);
    }

    /** Non-ASCII and control characters as {@code \\uXXXX}, so that the message survives any console. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f || c == '\n') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
