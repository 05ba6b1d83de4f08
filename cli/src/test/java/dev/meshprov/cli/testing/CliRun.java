package dev.meshprov.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The outcome of one command line.
 *
 * @param exitCode what {@code Main.run} returned
 * @param stdout everything written to stdout
 * @param stderr everything written to stderr
 */
public record CliRun(int exitCode, String stdout, String stderr) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** stdout as one JSON document. */
    public JsonNode json() {
        try {
            return JSON.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON:\n" + stdout + "\nstderr:\n" + stderr, e);
        }
    }

    /** stdout and stderr, for assertion messages. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
