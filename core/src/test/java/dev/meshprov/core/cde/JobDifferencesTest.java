package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobDifferencesTest {

    private static CdeJob job(Optional<String> className, Optional<String> pythonEnvResourceName) {
        return new CdeJob(
                "job",
                List.of(),
                new CdeJob.Spark(
                        "app.jar",
                        className,
                        List.of(),
                        Map.of(),
                        1,
                        "1g",
                        1,
                        "1g",
                        1,
                        "INFO",
                        List.of(),
                        List.of(),
                        pythonEnvResourceName),
                Optional.empty());
    }

    @Test
    void anAbsentClassNameOrPythonEnvironmentIsShownAsNone() {
        CdeJob desired = job(Optional.of("a.Main"), Optional.empty());
        CdeJob observed = job(Optional.empty(), Optional.of("python-env"));

        assertThat(JobDifferences.between(desired, observed))
                .containsExactly("className (none) → a.Main", "pythonEnvResourceName python-env → (none)");
    }

    @Test
    void equalJobsDoNotDiffer() {
        CdeJob job = job(Optional.of("a.Main"), Optional.of("python-env"));

        assertThat(JobDifferences.between(job, job)).isEmpty();
    }
}
