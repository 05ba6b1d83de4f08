package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The vendored Airbyte files are exactly what their README records: each file's SHA-256 matches its row, and no
 * file lacks a row, so a file is never changed (or added) without its provenance being updated too.
 */
class VendoredContractsTest {

    private static final Path README = Path.of("src/test/resources/vendor/airbyte/README.md");
    private static final List<Path> FOLDERS =
            List.of(Path.of("src/test/resources/vendor/airbyte"), Path.of("src/main/resources/vendor/airbyte"));
    private static final Set<String> OWN_NOTES = Set.of("README.md", "NOTICE.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*\\| ([0-9a-f]{64}) \\|$");

    @Test
    void everyVendoredFileHasTheChecksumItsReadmeRecords() {
        Map<String, String> recorded = recorded();
        assertThat(recorded).as("rows of %s", README).hasSizeGreaterThanOrEqualTo(6);

        assertThat(mismatches(recorded, VendoredContractsTest::read))
                .as("files whose SHA-256 differs from their row in %s (refresh the row, with its commit)", README)
                .isEmpty();
    }

    @Test
    void everyFileInTheVendorFoldersHasARow() throws IOException {
        Set<String> rows = recorded().keySet();
        for (Path folder : FOLDERS) {
            try (Stream<Path> files = Files.walk(folder)) {
                List<String> unlisted = files.filter(Files::isRegularFile)
                        .filter(file -> !OWN_NOTES.contains(file.getFileName().toString()))
                        .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                        .filter(file -> !rows.contains(file))
                        .toList();
                assertThat(unlisted)
                        .as("files in %s without a row in %s", folder, README)
                        .isEmpty();
            }
        }
    }

    @Test
    void aFileChangedByOneByteIsAMismatch() {
        String tampered = "connectors/source-file/cloud_spec.json";

        List<String> mismatches = mismatches(recorded(), file -> {
            byte[] content = read(file);
            if (file.equals(tampered)) {
                content[content.length / 2] ^= 1;
            }
            return content;
        });

        assertThat(mismatches).singleElement().asString().startsWith(tampered + ":");
    }

    /** Each file whose content does not have the recorded SHA-256, with both checksums. */
    private static List<String> mismatches(Map<String, String> recorded, Function<String, byte[]> content) {
        return recorded.entrySet().stream()
                .filter(row -> !hex(content.apply(row.getKey())).equals(row.getValue()))
                .map(row ->
                        row.getKey() + ": recorded " + row.getValue() + ", actual " + hex(content.apply(row.getKey())))
                .toList();
    }

    private static Map<String, String> recorded() {
        try {
            Map<String, String> rows = new LinkedHashMap<>();
            for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
                Matcher row = ROW.matcher(line.strip());
                if (row.matches()) {
                    rows.put(row.group(1), row.group(2));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in =
                VendoredContractsTest.class.getClassLoader().getResourceAsStream("vendor/airbyte/" + file)) {
            assertThat(in).as("vendor/airbyte/%s on the classpath", file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
