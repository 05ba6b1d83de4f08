package dev.meshprov.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.bootstrap.ConfigSource;
import dev.meshprov.http.bootstrap.ServerSettings;
import io.vavr.control.Validation;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image recipe, checked without a Docker engine: what it builds, how it runs, and that its default boots. */
class DockerfileTest {

    private static final String JAR_IN_IMAGE = "/app/meshprov.jar";
    private static final String CONFIG_IN_IMAGE = "/etc/meshprov/meshprov.yaml";

    private final Dockerfile dockerfile = Dockerfile.parse(RepositoryFiles.read("Dockerfile"));

    @Test
    void builds_the_cli_jar_in_a_maven_jdk17_stage_and_runs_it_on_a_jre_of_17_or_later() {
        assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
        Dockerfile.Stage build = dockerfile.stage("build").orElseThrow();
        assertThat(build.image()).startsWith("maven:").contains("17");
        assertThat(build.arguments("RUN")).anySatisfy(run -> assertThat(run)
                .contains("mvn")
                .contains("-pl cli")
                .contains("-am")
                .contains("package"));
        assertThat(dockerfile.image().image()).contains("jre");
        assertThat(runtimeFeatureVersion()).isGreaterThanOrEqualTo(17);
    }

    @Test
    void copies_the_jar_the_shade_plugin_writes() {
        String shadeOutput = shadeOutputFile();
        assertThat(shadeOutput).isEqualTo("cli/target/meshprov.jar");
        assertThat(dockerfile.image().arguments("COPY"))
                .contains("--from=build /src/" + shadeOutput + " " + JAR_IN_IMAGE);
        assertThat(dockerfile.stage("build").orElseThrow().last("WORKDIR")).contains("/src");
    }

    @Test
    void runs_as_a_numeric_non_root_user() {
        String user = dockerfile.image().last("USER").orElseThrow();
        String uid = user.split(":")[0];
        assertThat(uid).as("a numeric uid lets Kubernetes check runAsNonRoot").matches("[0-9]+");
        assertThat(Integer.parseInt(uid)).isPositive();
        List<Dockerfile.Instruction> instructions = dockerfile.image().instructions();
        int userIndex = instructions.indexOf(new Dockerfile.Instruction("USER", user));
        assertThat(instructions.subList(userIndex, instructions.size()))
                .as("nothing runs as root after USER")
                .noneMatch(i -> i.keyword().equals("RUN"));
    }

    @Test
    void exposes_the_default_server_port_and_checks_liveness() {
        int port = new ServerSettings(null, null, null, null, null, null)
                .withDefaults()
                .port();
        assertThat(dockerfile.image().arguments("EXPOSE")).containsExactly(String.valueOf(port));
        assertThat(dockerfile.image().last("HEALTHCHECK").orElseThrow())
                .contains("/health/live")
                .contains("127.0.0.1/" + port);
    }

    /**
     * The class data of the runtime (docs/performance.md "Runtimes"): up to JDK 24 the AppCDS archive
     * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}), from JDK 25 the AOT cache
     * ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}); made by the training run after the jar is copied, as
     * root, and named on the entrypoint.
     */
    @Test
    void makes_the_class_data_of_its_runtime_in_a_training_run_and_starts_with_it() throws Exception {
        boolean aotCache = runtimeFeatureVersion() >= 25;
        String file = aotCache ? "/app/meshprov.aot" : "/app/meshprov.jsa";
        String training = (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + file;
        String use = (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + file;
        List<Dockerfile.Instruction> instructions = dockerfile.image().instructions();
        int copyJar = instructions.indexOf(
                new Dockerfile.Instruction("COPY", "--from=build /src/cli/target/meshprov.jar " + JAR_IN_IMAGE));
        int trainingRun = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("RUN")
                    && instructions.get(i).arguments().contains(training)) {
                trainingRun = i;
            }
        }
        assertThat(trainingRun)
                .as("the training run (%s) comes after the jar is copied", training)
                .isGreaterThan(copyJar);
        String trainingClass = "dev.meshprov.cli.ClassDataTraining";
        assertThat(instructions.get(trainingRun).arguments()).contains("-cp " + JAR_IN_IMAGE, trainingClass);
        assertThat(RepositoryFiles.read("cli/src/main/java/" + trainingClass.replace('.', '/') + ".java"))
                .contains("public static void main(String[] args)");
        List<String> entrypoint =
                jsonArray(dockerfile.image().last("ENTRYPOINT").orElseThrow());
        assertThat(entrypoint).contains(use);
        assertThat(entrypoint.contains("-XX:+UseCompactObjectHeaders"))
                .as("compact object headers at run exactly when at training")
                .isEqualTo(instructions.get(trainingRun).arguments().contains("-XX:+UseCompactObjectHeaders"));
    }

    @Test
    void starts_the_jar_with_container_aware_jvm_flags_and_serves_by_default() throws Exception {
        List<String> entrypoint =
                jsonArray(dockerfile.image().last("ENTRYPOINT").orElseThrow());
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="));
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", JAR_IN_IMAGE);
        assertThat(jsonArray(dockerfile.image().last("CMD").orElseThrow())).containsExactly("serve");
    }

    @Test
    void reads_its_configuration_from_the_mounted_file() {
        assertThat(dockerfile.image().arguments("ENV")).contains(ConfigSource.CONFIG_VARIABLE + "=" + CONFIG_IN_IMAGE);
        assertThat(dockerfile.image().arguments("COPY")).contains("deploy/docker/meshprov.yaml " + CONFIG_IN_IMAGE);
    }

    @Test
    void the_configuration_shipped_in_the_image_boots(@TempDir Path workingDirectory) {
        var tree = SafeYaml.withDefaults()
                .parse(RepositoryFiles.read("deploy/docker/meshprov.yaml"), "configuration")
                .get();
        Validation<?, Application> started =
                Bootstrap.create(tree, BootstrapOptions.defaults().withWorkingDirectory(workingDirectory));
        assertThat(started.isValid())
                .as("problems: %s", started.isInvalid() ? started.getError() : "")
                .isTrue();
        try (Application application = started.get()) {
            assertThat(application.settings().server().port()).isEqualTo(8093);
            assertThat(application.provisioner().technologies())
                    .filteredOn(registration -> registration.isEnabled())
                    .extracting(registration -> registration.name())
                    .containsExactly("mwaa");
        }
    }

    @Test
    void keeps_build_outputs_out_of_the_build_context() {
        assertThat(RepositoryFiles.read(".dockerignore").lines()).contains("**/target/", ".git");
    }

    /** The Java feature version of the runtime image, from its tag ({@code eclipse-temurin:25-jre} is 25). */
    private int runtimeFeatureVersion() {
        Matcher version = Pattern.compile(":(\\d+)").matcher(dockerfile.image().image());
        assertThat(version.find())
                .as(
                        "the runtime image's tag names its Java version: %s",
                        dockerfile.image().image())
                .isTrue();
        return Integer.parseInt(version.group(1));
    }

    private static String shadeOutputFile() {
        Matcher output = Pattern.compile("<outputFile>\\$\\{project\\.build\\.directory}/([^<]+)</outputFile>")
                .matcher(RepositoryFiles.read("cli/pom.xml"));
        assertThat(output.find())
                .as("cli/pom.xml names the shade plugin's outputFile")
                .isTrue();
        return "cli/target/" + output.group(1);
    }

    private static List<String> jsonArray(String exec) throws Exception {
        return JsonMapper.builder().build().readValue(exec, new TypeReference<List<String>>() {});
    }
}
