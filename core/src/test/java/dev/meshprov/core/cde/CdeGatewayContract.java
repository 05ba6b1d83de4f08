package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.cde.testing.Md5;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CdeGateway} does, run against the in-memory fake and the Feign adapter with its local jobs API.
 * Every test uses fresh names, so implementations may keep state between tests.
 */
public abstract class CdeGatewayContract {

    /** The gateway under test. */
    protected abstract CdeGateway gateway();

    /** The virtual cluster the gateway talks to. */
    protected abstract VcEndpoint endpoint();

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new, empty files resource of a fresh name. */
    private String filesResource(String prefix) {
        String name = fresh(prefix);
        gateway().createResource(endpoint(), ResourceDefinition.files(name));
        return name;
    }

    /** A job of a fresh name, created with a files resource of its own. */
    private CdeJob createdJob(String prefix) {
        CdeJob job = sampleJob(fresh(prefix), filesResource(prefix + "-res"));
        gateway().createJob(endpoint(), job);
        return job;
    }

    private Either<UpstreamFailure, Done> upload(String resource, String file, byte[] content) {
        return gateway().uploadFile(endpoint(), resource, file, new ByteArrayInputStream(content), content.length);
    }

    /** The signature CDE lists for {@code file}, if it lists one. */
    private Optional<String> listedSignature(String resource, String file) {
        return gateway()
                .getResource(endpoint(), resource)
                .get()
                .orElseThrow()
                .file(file)
                .flatMap(ResourceFile::signature);
    }

    static CdeJob sampleJob(String name, String resource) {
        return new CdeJob(
                name,
                List.of(resource),
                new CdeJob.Spark(
                        "app.jar",
                        Optional.of("com.example.App"),
                        List.of("--date", "2024-01-01"),
                        Map.of("dex.safariEnabled", "true", "spark.sql.shuffle.partitions", "64"),
                        1,
                        "1g",
                        2,
                        "4g",
                        3,
                        "INFO",
                        List.of("dep.jar"),
                        List.of(),
                        Optional.empty()),
                Optional.of(new CdeJob.Schedule(
                        "0 6 * * *",
                        Optional.of(Instant.parse("2024-01-01T00:00:00Z")),
                        Optional.of(Instant.parse("2025-01-01T00:00:00Z")))));
    }

    @Test
    public void an_absent_resource_is_empty() {
        assertThat(gateway().getResource(endpoint(), fresh("absent")).get()).isEmpty();
    }

    @Test
    public void a_created_files_resource_is_found_without_files() {
        String name = fresh("mainres");

        assertThat(gateway()
                        .createResource(endpoint(), ResourceDefinition.files(name))
                        .isRight())
                .isTrue();

        CdeResource resource = gateway().getResource(endpoint(), name).get().orElseThrow();
        assertThat(resource.type()).isEqualTo("files");
        assertThat(resource.files()).isEmpty();
    }

    @Test
    public void creating_an_existing_resource_is_a_conflict() {
        String name = filesResource("twice");

        assertThat(gateway()
                        .createResource(endpoint(), ResourceDefinition.files(name))
                        .getLeft())
                .isInstanceOf(UpstreamFailure.Conflict.class);
    }

    @Test
    public void a_python_env_resource_reports_its_settings() {
        String name = fresh("pyenvres");
        PythonEnvSettings settings = new PythonEnvSettings("python3", Optional.of("https://pypi.example/simple"));

        gateway().createResource(endpoint(), ResourceDefinition.pythonEnv(name, settings));

        CdeResource resource = gateway().getResource(endpoint(), name).get().orElseThrow();
        assertThat(resource.type()).isEqualTo("python-env");
        assertThat(resource.pythonEnv()).contains(settings);
    }

    @Test
    public void an_uploaded_file_is_listed_with_its_size_and_replaced_by_the_next_upload() {
        String name = filesResource("files");
        byte[] first = "first version".getBytes(StandardCharsets.UTF_8);
        byte[] second = "the second, longer version".getBytes(StandardCharsets.UTF_8);

        upload(name, "app.jar", first);
        assertThat(upload(name, "app.jar", second).isRight()).isTrue();

        CdeResource resource = gateway().getResource(endpoint(), name).get().orElseThrow();
        if (resource.filesListed()) {
            ResourceFile file = resource.file("app.jar").orElseThrow();
            assertThat(resource.files()).hasSize(1);
            assertThat(file.size()).isEqualTo(second.length);
            file.md5Signature().ifPresent(signature -> assertThat(signature).isEqualToIgnoringCase(Md5.hex(second)));
        }
    }

    @Test
    public void a_listing_either_lists_the_files_or_says_it_did_not() {
        String name = filesResource("listed");
        byte[] content = "listed content".getBytes(StandardCharsets.UTF_8);
        upload(name, "a.jar", content);

        CdeResource resource = gateway().getResource(endpoint(), name).get().orElseThrow();

        if (resource.filesListed()) {
            assertThat(resource.files()).extracting(ResourceFile::path).containsExactly("a.jar");
            ResourceFile file = resource.file("a.jar").orElseThrow();
            if (file.sizeKnown()) {
                assertThat(file.size()).isEqualTo(content.length);
            }
        } else {
            assertThat(resource.files()).isEmpty();
        }
    }

    @Test
    public void a_listed_signature_changes_with_the_content() {
        String name = filesResource("signed");

        upload(name, "a.jar", "content one".getBytes(StandardCharsets.UTF_8));
        Optional<String> before = listedSignature(name, "a.jar");
        upload(name, "a.jar", "content two".getBytes(StandardCharsets.UTF_8));
        Optional<String> after = listedSignature(name, "a.jar");

        assertThat(before.isPresent()).isEqualTo(after.isPresent());
        before.ifPresent(signature -> assertThat(after.orElseThrow()).isNotEqualTo(signature));
    }

    @Test
    public void deleting_a_file_reports_whether_it_was_there() {
        String name = filesResource("delete-file");
        upload(name, "old.jar", new byte[] {1});

        assertThat(gateway().deleteFile(endpoint(), name, "old.jar").get()).isTrue();
        assertThat(gateway().deleteFile(endpoint(), name, "old.jar").get()).isFalse();
        assertThat(gateway().getResource(endpoint(), name).get().orElseThrow().files())
                .isEmpty();
    }

    @Test
    public void deleting_a_resource_reports_whether_it_was_there() {
        String name = filesResource("delete-resource");

        assertThat(gateway().deleteResource(endpoint(), name).get()).isTrue();
        assertThat(gateway().deleteResource(endpoint(), name).get()).isFalse();
        assertThat(gateway().getResource(endpoint(), name).get()).isEmpty();
    }

    @Test
    public void an_absent_job_is_empty() {
        assertThat(gateway().getJob(endpoint(), fresh("no-job")).get()).isEmpty();
    }

    @Test
    public void a_created_job_reads_back_as_created() {
        CdeJob job = sampleJob(fresh("job"), filesResource("job-res"));

        assertThat(gateway().createJob(endpoint(), job).isRight()).isTrue();

        CdeJob read = gateway().getJob(endpoint(), job.name()).get().orElseThrow();
        assertThat(JobDifferences.between(job, read)).isEmpty();
        assertThat(read.spark().conf()).containsAllEntriesOf(job.spark().conf());
    }

    @Test
    public void an_update_drops_a_configuration_key_it_no_longer_sends() {
        CdeJob job = createdJob("conf");
        CdeJob fewer = job.withConf(Map.of("dex.safariEnabled", "true"));

        gateway().updateJob(endpoint(), fewer);

        CdeJob read = gateway().getJob(endpoint(), job.name()).get().orElseThrow();
        assertThat(read.spark().conf()).doesNotContainKey("spark.sql.shuffle.partitions");
    }

    @Test
    public void creating_an_existing_job_is_a_conflict() {
        CdeJob job = createdJob("dup");

        assertThat(gateway().createJob(endpoint(), job).getLeft()).isInstanceOf(UpstreamFailure.Conflict.class);
    }

    @Test
    public void an_updated_job_reads_back_as_updated_including_a_removed_schedule() {
        CdeJob job = createdJob("upd");
        CdeJob changed = new CdeJob(
                job.name(),
                job.mounts(),
                new CdeJob.Spark(
                        "app.jar",
                        Optional.of("com.example.App"),
                        List.of(),
                        Map.of("dex.safariEnabled", "true"),
                        2,
                        "2g",
                        2,
                        "4g",
                        5,
                        "WARN",
                        List.of(),
                        List.of(),
                        Optional.empty()),
                Optional.empty());

        assertThat(gateway().updateJob(endpoint(), changed).isRight()).isTrue();

        CdeJob read = gateway().getJob(endpoint(), job.name()).get().orElseThrow();
        assertThat(JobDifferences.between(changed, read)).isEmpty();
    }

    @Test
    public void updating_an_absent_job_is_not_found() {
        CdeJob job = sampleJob(fresh("ghost"), fresh("ghost-res"));

        assertThat(gateway().updateJob(endpoint(), job).getLeft()).isInstanceOf(UpstreamFailure.NotFound.class);
    }

    @Test
    public void deleting_a_job_reports_whether_it_was_there() {
        CdeJob job = createdJob("del");

        assertThat(gateway().deleteJob(endpoint(), job.name()).get()).isTrue();
        assertThat(gateway().deleteJob(endpoint(), job.name()).get()).isFalse();
    }

    @Test
    public void running_a_job_returns_a_run_id() {
        CdeJob job = createdJob("run");

        assertThat(gateway().runJob(endpoint(), job.name()).get()).isNotBlank();
    }
}
