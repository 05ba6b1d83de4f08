package dev.meshprov.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's files, as the tests of this module read them (the module lives in {@code docs/}). */
final class RepositoryFiles {

    private RepositoryFiles() {}

    /** The repository root: the {@code meshprov.root} property set by the build, else the parent folder. */
    static Path root() {
        String configured = System.getProperty("meshprov.root");
        Path root = configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String relative, String text) {
        try {
            Files.writeString(path(relative), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the build was asked to rewrite generated documents ({@code -Dmeshprov.docs.regenerate=true}). */
    static boolean regenerate() {
        return Boolean.parseBoolean(System.getProperty("meshprov.docs.regenerate", "false"));
    }
}
