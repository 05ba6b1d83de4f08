package dev.meshprov.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Reads the files named on the command line, relative to the working directory; {@code -} is stdin. */
public final class InputFiles {

    /** The name that reads stdin. */
    public static final String STDIN = "-";

    private final Path workingDirectory;
    private final InputStream stdin;

    public InputFiles(Path workingDirectory, InputStream stdin) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /** The content of {@code name}; {@code what} says what the file is for, e.g. "FILE" or "--params-file". */
    public byte[] read(String name, String what) throws InputException {
        if (STDIN.equals(name)) {
            try {
                return stdin.readAllBytes();
            } catch (IOException e) {
                throw new InputException("cannot read " + what + " from stdin: " + e.getMessage());
            }
        }
        Path path = workingDirectory.resolve(name);
        if (Files.isDirectory(path)) {
            throw new InputException("cannot read " + what + " '" + name + "': it is a directory");
        }
        if (!Files.exists(path)) {
            throw new InputException("cannot read " + what + " '" + name + "': no such file (looked for " + path + ")");
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException("cannot read " + what + " '" + name + "': " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
    }
}
