package dev.meshprov.http.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.airbyte.AirbyteConfig;
import dev.meshprov.cde.CdeConfig;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.RouteSettings;
import dev.meshprov.http.bootstrap.ServerSettings;
import dev.meshprov.http.bootstrap.TaskSettings;
import dev.meshprov.http.logging.LoggingSettings;
import dev.meshprov.mwaa.MwaaConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The configuration records, read by reflection: every component whose name looks secret is in
 * {@link SecretRegistry#CONFIG_KEYS}, and every registered key is masked once configured.
 */
class SecretConfigKeysTest {

    /** Each configuration section and the record it binds to. */
    private static final Map<String, Class<?>> SECTIONS = sections();

    private static Map<String, Class<?>> sections() {
        Map<String, Class<?>> sections = new LinkedHashMap<>();
        sections.put("server", ServerSettings.class);
        sections.put("tasks", TaskSettings.class);
        sections.put("logging", LoggingSettings.class);
        sections.put("routing.*", RouteSettings.class);
        sections.put("airbyte", AirbyteConfig.class);
        sections.put("cde", CdeConfig.class);
        sections.put("mwaa", MwaaConfig.class);
        return sections;
    }

    @Test
    void everySecretLookingConfigurationKeyIsRegistered() {
        Set<String> found = new TreeSet<>();
        SECTIONS.forEach((path, type) -> collect(path, type, found, 0));

        assertThat(found)
                .as("secret-looking keys of the configuration records; add a new one to SecretRegistry.CONFIG_KEYS"
                        + " and to the canary tests")
                .containsExactlyInAnyOrderElementsOf(SecretRegistry.CONFIG_KEYS);
    }

    @Test
    void everyRegisteredKeyIsMaskedOnceConfigured() {
        for (String key : SecretRegistry.CONFIG_KEYS) {
            String canary = "canary-" + key.replace('.', '-') + "-7Hq2";
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            ObjectNode node = tree;
            String[] segments = key.split("\\.");
            for (int i = 0; i < segments.length - 1; i++) {
                node = node.putObject(segments[i]);
            }
            if (key.endsWith("tokens")) {
                node.putArray(segments[segments.length - 1]).add(canary);
            } else {
                node.put(segments[segments.length - 1], canary);
            }
            Redactor redactor = new Redactor();

            Bootstrap.registerSecrets(tree, redactor);

            assertThat(redactor.redact("value " + canary + " here")).as(key).isEqualTo("value *** here");
        }
    }

    private static void collect(String path, Type type, Set<String> found, int depth) {
        if (depth > 8) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                collect(path + ".*", arguments[1], found, depth + 1);
            } else if (Collection.class.isAssignableFrom(raw)) {
                collect(path + "[]", arguments[0], found, depth + 1);
            }
            return;
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            for (RecordComponent component : record.getRecordComponents()) {
                String key = path + "." + component.getName();
                if (Redactor.isSecretKey(component.getName())) {
                    found.add(key);
                }
                collect(key, component.getGenericType(), found, depth + 1);
            }
        }
    }
}
