package dev.meshprov.core.mwaa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.TestRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Requests, settings and technologies for the MWAA tests. */
final class MwaaFixtures {

    static final String COMPONENT = "urn:dmb:cmp:finance:cashflow:1:orchestration";
    static final String SPECIFIC = "dataProduct.components[" + COMPONENT + "].specific";
    static final String BUCKET = "finance-mwaa-dev";
    static final ObjectRef STAGING = new ObjectRef(BUCKET, "source/finance.cashflow.1.cashflow_daily.py");
    static final ObjectRef DAG = new ObjectRef(BUCKET, "dags/finance_cashflow_1_cashflow_daily.py");
    static final ObjectRef DESCRIPTOR = new ObjectRef(BUCKET, "dags/finance_cashflow_1_descriptor.yaml");
    static final ObjectRef LEGACY = new ObjectRef(BUCKET, "dags/finance.cashflow.1.cashflow_daily.py");
    static final Instant NOW = Instant.parse("2026-03-01T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final YAMLMapper YAML = new YAMLMapper();

    private MwaaFixtures() {}

    /** A fixture of {@code src/test/resources/mwaa}. */
    static ComponentRequest fixture(String name) {
        return TestRequests.componentRequest(TestRequests.resource("mwaa/" + name));
    }

    /** The template output with the Airflow component's {@code specific} replaced by {@code specificYaml}. */
    static ComponentRequest withSpecific(String specificYaml) {
        return edited(root -> {
            try {
                airflowComponent(root).set("specific", YAML.readTree(specificYaml));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(specificYaml, e);
            }
        });
    }

    /** The template output edited as a tree. */
    static ComponentRequest edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(TestRequests.resource("mwaa/template-output.yaml"));
            edit.accept(root);
            return TestRequests.componentRequest(YAML.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode airflowComponent(JsonNode root) {
        for (JsonNode component : root.path("dataProduct").path("components")) {
            if (component.path("id").asText().equals(COMPONENT)) {
                return (ObjectNode) component;
            }
        }
        throw new IllegalStateException("no Airflow component");
    }

    /** Settings allowing the fixtures' buckets, no environments. */
    static MwaaSettings settings() {
        return new MwaaSettings(Set.of(BUCKET, "finance-mwaa-other"), Map.of(), true);
    }

    static MwaaSettings withEnvironment(String name, EnvironmentSettings environment) {
        return new MwaaSettings(Set.of(BUCKET), Map.of(name, environment), true);
    }

    static EnvironmentSettings environment(String bucket, String sourcePath, String destinationPath, String uiUrl) {
        return new EnvironmentSettings(
                Optional.ofNullable(bucket),
                Optional.ofNullable(sourcePath),
                Optional.ofNullable(destinationPath),
                Optional.ofNullable(uiUrl));
    }

    static MwaaTechnology technology(MwaaSettings settings, DagStore store) {
        return new MwaaTechnology(settings, store, CLOCK, new Redactor());
    }
}
