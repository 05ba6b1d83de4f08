package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vendored contract file is listed in its folder's README with the SHA-256 it has: a file changed (or added)
 * without updating the README's provenance row fails here.
 */
class VendorContractFilesTest {

    private static final Path VENDOR = Path.of("src", "test", "resources", "vendor");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|.*\\|\\s*([0-9a-f]{64})\\s*\\|\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"cdp", "cde"})
    void every_file_has_the_checksum_its_readme_records(String folder) throws Exception {
        Path directory = VENDOR.resolve(folder);
        Map<String, String> recorded = recorded(directory.resolve("README.md"));
        Map<String, String> actual = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("README.md"))
                    .toList()) {
                actual.put(file.getFileName().toString(), sha256(file));
            }
        }

        assertThat(recorded).as("README rows (file → SHA-256) of " + directory).isEqualTo(actual);
    }

    private static Map<String, String> recorded(Path readme) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), row.group(2));
            }
        }
        return rows;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
