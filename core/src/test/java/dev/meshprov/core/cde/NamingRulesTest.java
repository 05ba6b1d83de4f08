package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ComponentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Job names, resource names, artifact URIs and cron expressions. */
class NamingRulesTest {

    @Test
    void the_derived_job_name_is_the_incumbents() {
        ComponentId id = ComponentId.parse("urn:dmb:cmp:healthcare:spark-cdp-test:0:spark-cdp-workload")
                .orElseThrow();

        assertThat(JobNames.derive(id, "development"))
                .isEqualTo("healthcare-spark-cdp-test-0-spark-cdp-workload-development");
    }

    @Test
    void resource_names_are_the_md5_of_the_job_name() {
        // md5("abc") = 900150983cd24fb0d6963f7d28e17f72
        assertThat(ResourceNames.files("abc")).isEqualTo("mainres-900150983cd24fb0d6963f7d28e17f72");
        assertThat(ResourceNames.pythonEnv("abc")).isEqualTo("pyenvres-900150983cd24fb0d6963f7d28e17f72");
    }

    @ParameterizedTest
    @CsvSource({
        "s3://bucket/app.jar, bucket, app.jar, app.jar",
        "s3a://my.bucket-1/a/b/c.py, my.bucket-1, a/b/c.py, c.py",
    })
    void artifact_uris_parse(String text, String bucket, String key, String fileName) {
        ArtifactUri uri = ArtifactUri.parse(text).orElseThrow();

        assertThat(uri.bucket()).isEqualTo(bucket);
        assertThat(uri.key()).isEqualTo(key);
        assertThat(uri.fileName()).isEqualTo(fileName);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://bucket/app.jar",
                "s3://bucket",
                "s3://bucket/",
                "s3://bucket/dir/",
                "s3:///key",
                "s3://UPPER/key"
            })
    void non_artifact_uris_are_refused(String text) {
        assertThat(ArtifactUri.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 6 * * *",
                "*/5 * * * *",
                "0 0 1,15 * *",
                "30 6-18/2 * JAN-MAR MON-FRI",
                "0 0 * * SUN",
                "59 23 31 12 6"
            })
    void valid_cron_expressions(String cron) {
        assertThat(CronRule.violation(cron)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 6 * *",
                "0 6 * * * *",
                "60 * * * *",
                "* 24 * * *",
                "* * 0 * *",
                "* * * 13 *",
                "* * * * 7",
                "*/0 * * * *",
                "5-1 * * * *",
                "? * * * *",
                "@daily",
                "0 6 * * FUNDAY"
            })
    void invalid_cron_expressions(String cron) {
        assertThat(CronRule.violation(cron)).isPresent();
    }
}
