package dev.meshprov.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.bootstrap.ConfigSource;
import dev.meshprov.http.bootstrap.ServerSettings;
import io.vavr.control.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart rendered with its defaults and with {@code ci/production-values.yaml} (see {@link HelmChart}): every
 * manifest parses, and holds the probes, ports, security context, configuration mount, IAM annotation and JDBC
 * wiring the image and the server expect; the rendered configuration boots.
 */
class HelmChartTest {

    private static final HelmChart CHART = new HelmChart(RepositoryFiles.path("deploy/helm/meshprov"));
    private static final SafeYaml YAML = SafeYaml.withDefaults();

    @Nested
    class WithDefaults {

        private final Map<String, String> rendered = CHART.render("meshprov", "platform", Map.of());
        private final JsonNode deployment = manifest(rendered, "deployment.yaml");
        private final JsonNode container = deployment.at("/spec/template/spec/containers/0");

        @Test
        void renders_a_deployment_service_service_account_and_config_map_but_no_disruption_budget() {
            assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
            assertThat(manifest(rendered, "service.yaml").path("kind").asText()).isEqualTo("Service");
            assertThat(manifest(rendered, "serviceaccount.yaml").path("kind").asText())
                    .isEqualTo("ServiceAccount");
            assertThat(manifest(rendered, "configmap.yaml").path("kind").asText())
                    .isEqualTo("ConfigMap");
            assertThat(rendered.get("poddisruptionbudget.yaml")).isBlank();
            assertThat(deployment.at("/metadata/name").asText()).isEqualTo("meshprov");
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        }

        @Test
        void probes_liveness_and_readiness_on_the_server_port() {
            int port = new ServerSettings(null, null, null, null, null, null)
                    .withDefaults()
                    .port();
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
            assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
            assertThat(container.at("/livenessProbe/periodSeconds").asInt()).isPositive();
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
            assertThat(env(container)).containsEntry("MESHPROV_SERVER_PORT", String.valueOf(port));
        }

        @Test
        void runs_the_image_user_without_privileges_and_with_resources() {
            String imageUser = Dockerfile.parse(RepositoryFiles.read("Dockerfile"))
                    .image()
                    .last("USER")
                    .orElseThrow()
                    .split(":")[0];
            JsonNode pod = deployment.at("/spec/template/spec/securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("runAsUser").asText()).isEqualTo(imageUser);
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                    .isFalse();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                    .isTrue();
            assertThat(container.at("/securityContext/capabilities/drop/0").asText())
                    .isEqualTo("ALL");
            assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
            assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
            assertThat(mountPaths(container)).contains("/tmp", "/var/lib/meshprov");
        }

        @Test
        void mounts_the_config_map_where_the_image_reads_its_configuration() {
            assertThat(env(container)).containsEntry(ConfigSource.CONFIG_VARIABLE, "/etc/meshprov/meshprov.yaml");
            assertThat(mountPaths(container)).contains("/etc/meshprov");
            JsonNode volume = StreamSupport.stream(
                            deployment.at("/spec/template/spec/volumes").spliterator(), false)
                    .filter(v -> v.path("name").asText().equals("config"))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.at("/configMap/name").asText()).isEqualTo("meshprov");
            assertThat(volume.at("/configMap/items/0/path").asText()).isEqualTo("meshprov.yaml");
            assertThat(manifest(rendered, "configmap.yaml").at("/data").has("meshprov.yaml"))
                    .isTrue();
            assertThat(deployment
                            .at("/spec/template/metadata/annotations/checksum~1config")
                            .asText())
                    .hasSize(64);
        }

        @Test
        void the_service_selects_the_pods_and_the_deployment_runs_as_the_service_account() {
            JsonNode service = manifest(rendered, "service.yaml");
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8093);
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
            assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
            assertThat(deployment.at("/spec/selector/matchLabels"))
                    .isEqualTo(deployment.at("/spec/template/metadata/labels"));
            assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText())
                    .isEqualTo(manifest(rendered, "serviceaccount.yaml")
                            .at("/metadata/name")
                            .asText());
        }

        @Test
        void keeps_tasks_in_memory_and_says_so() {
            assertThat(env(container)).doesNotContainKey("MESHPROV_TASKS_STORE");
            assertThat(rendered.get("NOTES.txt")).contains("Tasks are kept in memory");
        }

        @Test
        void its_configuration_boots(@TempDir Path workingDirectory) throws Exception {
            try (Application application = boot(rendered, Map.of(), workingDirectory)) {
                assertThat(application.provisioner().technologies())
                        .filteredOn(r -> r.isEnabled())
                        .extracting(r -> r.name())
                        .containsExactly("mwaa");
            }
        }
    }

    @Nested
    class ForProduction {

        private final Map<String, String> rendered =
                CHART.render("meshprov", "platform", CHART.read("ci/production-values.yaml"));
        private final JsonNode deployment = manifest(rendered, "deployment.yaml");
        private final JsonNode container = deployment.at("/spec/template/spec/containers/0");

        @Test
        void annotates_the_service_account_for_cloud_iam() {
            assertThat(manifest(rendered, "serviceaccount.yaml")
                            .at("/metadata/annotations/eks.amazonaws.com~1role-arn")
                            .asText())
                    .isEqualTo("arn:aws:iam::123456789012:role/meshprov");
        }

        @Test
        void shares_tasks_in_postgresql_with_the_password_from_a_secret() {
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
            Map<String, String> env = env(container);
            assertThat(env)
                    .containsEntry("MESHPROV_TASKS_STORE", "jdbc")
                    .containsEntry("MESHPROV_TASKS_JDBCURL", "jdbc:postgresql://postgresql.platform:5432/meshprov")
                    .containsEntry("MESHPROV_TASKS_USERNAME", "meshprov");
            JsonNode password = entry(container, "MESHPROV_TASKS_PASSWORD").orElseThrow();
            assertThat(password.has("value")).isFalse();
            assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("meshprov-postgresql");
            assertThat(password.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
            assertThat(rendered.get("NOTES.txt")).doesNotContain("Tasks are kept in memory");
        }

        @Test
        void the_jdbc_environment_sets_the_tasks_section() {
            Map<String, String> env = new HashMap<>(env(container));
            env.put("MESHPROV_TASKS_PASSWORD", "canary-db-password");
            JsonNode tree = ConfigSource.load(Optional.empty(), env).get();
            assertThat(tree.at("/tasks/store").asText()).isEqualTo("jdbc");
            assertThat(tree.at("/tasks/jdbcurl").asText()).startsWith("jdbc:postgresql://");
            assertThat(tree.at("/tasks/password").asText()).isEqualTo("canary-db-password");
        }

        @Test
        void takes_secrets_from_a_secret_and_protects_running_pods() {
            assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo("meshprov-secrets");
            assertThat(container.at("/image").asText()).isEqualTo("registry.example.org/platform/meshprov:0.1.0");
            JsonNode budget = manifest(rendered, "poddisruptionbudget.yaml");
            assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
            assertThat(budget.at("/spec/selector/matchLabels"))
                    .isEqualTo(deployment.at("/spec/template/metadata/labels"));
            assertThat(manifest(rendered, "configmap.yaml")
                            .at("/data/meshprov.yaml")
                            .asText())
                    .contains("${AIRBYTE_CLIENT_SECRET}")
                    .doesNotContain("canary");
        }

        @Test
        void its_configuration_boots_with_the_secrets_in_the_environment(@TempDir Path workingDirectory)
                throws Exception {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> secrets = Map.of(
                    "AIRBYTE_CLIENT_SECRET", "canary-client-secret",
                    "SNOWFLAKE_PASSWORD", "canary-snowflake",
                    "CDE_ACCESS_KEY_ID", "canary-access-key-id",
                    "CDE_PRIVATE_KEY", Base64.getEncoder().encodeToString(key),
                    "CDE_WORKLOAD_PASSWORD", "canary-workload");
            try (Application application = boot(rendered, secrets, workingDirectory)) {
                assertThat(application.provisioner().technologies())
                        .filteredOn(r -> r.isEnabled())
                        .extracting(r -> r.name())
                        .containsExactlyInAnyOrder("airbyte", "cde", "mwaa");
                assertThat(application.redactor().redact("secret canary-client-secret"))
                        .doesNotContain("canary-client-secret");
            }
        }
    }

    @Test
    void names_resources_after_the_release_and_the_chart() {
        Map<String, String> rendered = CHART.render("adapters", "platform", Map.of());
        assertThat(manifest(rendered, "deployment.yaml").at("/metadata/name").asText())
                .isEqualTo("adapters-meshprov");
        Map<String, String> overridden = CHART.render("adapters", "platform", Map.of("fullnameOverride", "tech"));
        assertThat(manifest(overridden, "service.yaml").at("/metadata/name").asText())
                .isEqualTo("tech");
    }

    @Test
    void a_template_outside_the_supported_subset_fails_instead_of_rendering_differently() {
        HelmTemplate template = new HelmTemplate();
        assertThatThrownBy(() -> template.render("{{ .Values.x | upper }}", Map.of("Values", Map.of("x", "a"))))
                .hasMessageContaining("upper");
        assertThatThrownBy(() -> template.render("{{ range .Values.x }}{{ end }}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renders_the_subset_like_helm() {
        HelmTemplate template = new HelmTemplate();
        template.addDefinitions("{{- define \"n\" -}}{{ default \"x\" .Values.name | trunc 3 }}{{- end -}}");
        Map<String, Object> context = Map.of("Values", Map.of("name", "abcdef", "list", List.of("a"), "no", false));
        assertThat(template.render("a: {{ include \"n\" . | quote }}", context)).isEqualTo("a: \"abc\"");
        assertThat(template.render("l:\n  {{- toYaml .Values.list | nindent 2 }}\n", context))
                .isEqualTo("l:\n  - a\n");
        assertThat(template.render("{{- if .Values.no }}yes{{ else }}no{{ end -}}", context))
                .isEqualTo("no");
        assertThat(template.render("{{ if .Values.no }}1{{ else if .Values.name }}2{{ else }}3{{ end }}", context))
                .isEqualTo("2");
        assertThat(template.render("{{ printf \"%s-%s\" .Values.name (default \"d\" .Values.missing) }}", context))
                .isEqualTo("abcdef-d");
    }

    /** Boots the rendered configuration as the pod would: the ConfigMap's file plus the given environment. */
    private static Application boot(Map<String, String> rendered, Map<String, String> secrets, Path workingDirectory)
            throws Exception {
        String config =
                manifest(rendered, "configmap.yaml").at("/data/meshprov.yaml").asText();
        Path file = Files.writeString(workingDirectory.resolve("meshprov.yaml"), config);
        Map<String, String> env = new LinkedHashMap<>(secrets);
        env.put("MESHPROV_SERVER_PORT", "8093");
        Validation<?, Application> started = Bootstrap.start(
                Optional.of(file), env, BootstrapOptions.defaults().withWorkingDirectory(workingDirectory));
        assertThat(started.isValid())
                .as("problems: %s", started.isInvalid() ? started.getError() : "")
                .isTrue();
        return started.get();
    }

    private static JsonNode manifest(Map<String, String> rendered, String file) {
        String text = rendered.get(file);
        assertThat(text).as(file).isNotBlank();
        Validation<?, JsonNode> parsed = YAML.parse(text, file);
        assertThat(parsed.isValid())
                .as("%s parses as YAML: %s%n%s", file, parsed.isInvalid() ? parsed.getError() : "", text)
                .isTrue();
        return parsed.get();
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container
                .path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        return env;
    }

    private static Optional<JsonNode> entry(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst();
    }

    private static List<String> mountPaths(JsonNode container) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .map(m -> m.path("mountPath").asText())
                .toList();
    }
}
