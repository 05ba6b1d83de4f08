package dev.meshprov.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is what {@link ConfigurationReference} generates from the configuration model, and
 * the generator describes exactly the keys the model has.
 */
class ConfigurationReferenceTest {

    private final ConfigurationReference reference = new ConfigurationReference();

    @Test
    void every_key_of_the_model_is_described_and_every_description_names_a_key() {
        Set<String> keys =
                reference.keys().stream().map(ConfigurationModel.Key::key).collect(Collectors.toSet());
        assertThat(ConfigurationReference.DESCRIPTIONS.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void every_technology_on_the_classpath_is_in_the_reference() {
        assertThat(reference.keys())
                .extracting(ConfigurationModel.Key::key)
                .contains("airbyte.enabled", "cde.enabled", "mwaa.enabled");
    }

    @Test
    void marks_the_keys_the_redactor_masks_as_secrets() {
        List<String> secrets = reference.keys().stream()
                .filter(ConfigurationModel.Key::secret)
                .map(ConfigurationModel.Key::key)
                .toList();
        assertThat(secrets)
                .contains(
                        "airbyte.auth.password",
                        "airbyte.auth.token",
                        "airbyte.auth.clientSecret",
                        "airbyte.snowflake.password",
                        "airbyte.snowflake.privateKey",
                        "cde.cdp.privateKey",
                        "cde.workload.password",
                        "cde.aws.secretAccessKey")
                .doesNotContain("airbyte.auth.tokenUrl", "cde.tokenUrl", "server.port");
    }

    @Test
    void takes_the_process_defaults_from_the_model() {
        String document = reference.render();
        assertThat(document)
                .contains("| `server.port` | integer | `8093` |")
                .contains("| `tasks.store` | memory \\| jdbc | `memory` |")
                .contains("| `tasks.retention` | duration | `24h` |")
                .contains("| `mwaa.enabled` | boolean | `true` |")
                .contains("| `airbyte.mode` | sync \\| async | `async` |")
                .contains("urn:dmb:itm:aws-workload-airflow-provisioner");
    }

    @Test
    void docs_configuration_md_is_up_to_date() throws Exception {
        String generated = reference.render();
        if (RepositoryFiles.regenerate()) {
            RepositoryFiles.write(ConfigurationReference.FILE, generated);
        }
        assertThat(Files.exists(RepositoryFiles.path(ConfigurationReference.FILE)))
                .as("%s exists; create it with: %s", ConfigurationReference.FILE, ConfigurationReference.REGENERATE)
                .isTrue();
        assertThat(RepositoryFiles.read(ConfigurationReference.FILE))
                .as(
                        "%s is generated from the configuration model; regenerate it with: %s",
                        ConfigurationReference.FILE, ConfigurationReference.REGENERATE)
                .isEqualTo(generated);
    }
}
