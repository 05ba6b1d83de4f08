package dev.meshprov.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.bootstrap.ConfigSource;
import io.vavr.control.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configuration examples of {@code docs/user-guide.md} (the YAML blocks after {@code <!-- checked: meshprov.yaml
 * -->}) start meshprov, with a canary value in every variable they refer to; and the guide names only files and
 * endpoints that exist.
 */
class UserGuideTest {

    private static final String GUIDE = "docs/user-guide.md";
    private static final Pattern CHECKED =
            Pattern.compile("<!-- checked: meshprov.yaml -->\\R```yaml\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    static Stream<String> configurationExamples() {
        List<String> examples = new ArrayList<>();
        Matcher matcher = CHECKED.matcher(RepositoryFiles.read(GUIDE));
        while (matcher.find()) {
            examples.add(matcher.group(1));
        }
        return examples.stream();
    }

    @Test
    void has_an_example_for_each_technology() {
        assertThat(configurationExamples())
                .anyMatch(yaml -> yaml.startsWith("airbyte:"))
                .anyMatch(yaml -> yaml.startsWith("cde:"))
                .anyMatch(yaml -> yaml.startsWith("mwaa:"));
    }

    @ParameterizedTest
    @MethodSource("configurationExamples")
    void each_configuration_example_starts_meshprov(String yaml, @TempDir Path workingDirectory) throws Exception {
        Path file = Files.writeString(workingDirectory.resolve("meshprov.yaml"), yaml);
        Map<String, String> env = new HashMap<>();
        Matcher variables = VARIABLE.matcher(yaml);
        while (variables.find()) {
            env.put(variables.group(1), canary(variables.group(1)));
        }
        Validation<?, Application> started = Bootstrap.start(
                Optional.of(file), env, BootstrapOptions.defaults().withWorkingDirectory(workingDirectory));
        assertThat(started.isValid())
                .as("problems: %s", started.isInvalid() ? started.getError() : "")
                .isTrue();
        JsonNode tree = ConfigSource.load(Optional.of(file), env).get();
        try (Application application = started.get()) {
            tree.fieldNames().forEachRemaining(section -> {
                if (ConfigurationReference.TECHNOLOGY_CONFIGS.containsKey(section)) {
                    assertThat(application.provisioner().technologies())
                            .filteredOn(r -> r.name().equals(section))
                            .singleElement()
                            .satisfies(r -> assertThat(r.isEnabled()).isTrue());
                }
            });
        }
    }

    @Test
    void names_files_that_exist() {
        String guide = RepositoryFiles.read(GUIDE);
        for (String file : List.of(
                "examples/airflow/cashflow_daily.py",
                "examples/mwaa-component.yaml",
                "examples/mwaa-provision-request.json",
                "deploy/helm/meshprov",
                "deploy/helm/meshprov/ci/production-values.yaml")) {
            assertThat(guide).contains(file);
            assertThat(RepositoryFiles.path(file)).exists();
        }
        assertThat(SafeYaml.withDefaults()
                        .parse(RepositoryFiles.read("examples/mwaa-component.yaml"), "example")
                        .isValid())
                .isTrue();
    }

    private static String canary(String variable) {
        if (variable.contains("PRIVATE_KEY")) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }
        return "canary-" + variable.toLowerCase(java.util.Locale.ROOT);
    }
}
