package dev.meshprov.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSectionTest {

    enum Store {
        S3,
        FILESYSTEM
    }

    record Timeouts(Duration connect, Duration read) {}

    record Sample(
            String apiUrl,
            Integer retries,
            Boolean enabled,
            Store store,
            Timeouts timeouts,
            List<String> buckets,
            Map<String, String> labels) {}

    private static ConfigSection section(String yaml) {
        JsonNode tree = SafeYaml.withDefaults().parse(yaml, "config").get();
        return new ConfigSection("sample", tree);
    }

    @Test
    void bindsKeysCaseInsensitivelyWithDurationsAndEnums() {
        Sample sample = section(
                        """
                apiurl: http://x
                retries: "3"
                store: filesystem
                timeouts: {connect: 500ms, read: PT30S}
                buckets: [a, b]
                labels: {team: data}
                """)
                .bind(Sample.class)
                .get();

        assertThat(sample.apiUrl()).isEqualTo("http://x");
        assertThat(sample.retries()).isEqualTo(3);
        assertThat(sample.store()).isEqualTo(Store.FILESYSTEM);
        assertThat(sample.timeouts().connect()).isEqualTo(Duration.ofMillis(500));
        assertThat(sample.timeouts().read()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sample.buckets()).containsExactly("a", "b");
        assertThat(sample.labels()).containsEntry("team", "data");
        assertThat(sample.enabled()).isNull();
    }

    @Test
    void reportsEveryUnknownKeyAndWrongTypeTogetherWithItsDottedKey() {
        List<Problem> problems = section(
                        """
                apiUrl: http://x
                retires: 3
                retries: many
                store: gcs
                timeouts: {connect: 5, raed: 1s}
                """)
                .bind(Sample.class)
                .getError()
                .asJava();

        assertThat(problems)
                .extracting(Problem::field)
                .containsExactlyInAnyOrder(
                        "sample.retires",
                        "sample.retries",
                        "sample.store",
                        "sample.timeouts.connect",
                        "sample.timeouts.raed");
        assertThat(problems)
                .filteredOn(p -> p.field().equals("sample.store"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("gcs").contains("[s3, filesystem]"));
        assertThat(problems)
                .filteredOn(p -> p.field().equals("sample.timeouts.connect"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a duration with a unit"));
    }

    @Test
    void aValueOfTheWrongTypeIsShownQuotedWhenItIsTextAndBareWhenItIsANumber() {
        List<Problem> problems = section("""
                retries: many
                store: 7
                """)
                .bind(Sample.class)
                .getError()
                .asJava();

        assertThat(problems)
                .extracting(Problem::message)
                .containsExactlyInAnyOrder(
                        "has the value 'many', which is not a whole number",
                        "has the value 7, which is not one of [s3, filesystem]");
        assertThat(problems).extracting(Problem::solution).allMatch(solution -> solution.startsWith("Write "));
    }

    @Test
    void anAbsentSectionBindsAsEmpty() {
        ConfigSection absent = ConfigSection.root(
                        SafeYaml.withDefaults().parse("{}", "c").get())
                .child("missing");

        assertThat(absent.isAbsent()).isTrue();
        assertThat(absent.path()).isEqualTo("missing");
        assertThat(absent.bind(Sample.class).get().apiUrl()).isNull();
    }

    @Test
    void parsesDurationsWithUnits() {
        assertThat(DurationReader.parse("10s")).contains(Duration.ofSeconds(10));
        assertThat(DurationReader.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(DurationReader.parse("1h")).contains(Duration.ofHours(1));
        assertThat(DurationReader.parse("3d")).contains(Duration.ofDays(3));
        assertThat(DurationReader.parse("ten seconds")).isEmpty();
    }
}
