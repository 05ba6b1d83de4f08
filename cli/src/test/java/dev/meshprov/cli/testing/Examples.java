package dev.meshprov.cli.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The project's {@code examples/} folder (at the repository root, above the module's directory). */
public final class Examples {

    private static final Path ROOT = find();

    private Examples() {}

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the example descriptors and requests (not the DAG) into {@code directory}. */
    static void copyTo(Path directory) {
        try (Stream<Path> files = Files.list(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, directory.resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples/mwaa-component.yaml"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException(
                "examples/ not found above " + Path.of("").toAbsolutePath());
    }
}
