package dev.meshprov.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClassDataTrainingTest {

    /** Every request of the run checks its status, so a run that completes is a run that served as trained. */
    @Test
    void theTrainingRunServesEveryRequestAsExpectedAndCleansUp() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));

        assertThatCode(() -> ClassDataTraining.main(new String[0])).doesNotThrowAnyException();

        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("meshprov-cds-training"));
        }
    }
}
