package dev.meshprov.docs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A chart folder rendered like {@code helm template RELEASE CHART -f values}: {@code Chart.yaml}, {@code values.yaml}
 * deep-merged with the given overrides (maps merged, everything else replaced), the helpers of
 * {@code templates/_*.tpl}, then every other file of {@code templates/}, each on its own (see {@link HelmTemplate}).
 */
final class HelmChart {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final Path folder;

    HelmChart(Path folder) {
        this.folder = folder;
    }

    /** The rendered templates by file name (e.g. {@code deployment.yaml}); a disabled one renders blank. */
    Map<String, String> render(String release, String namespace, Map<String, Object> overrides) {
        Map<String, Object> chart = new LinkedHashMap<>();
        read("Chart.yaml").forEach((key, value) -> chart.put(capitalise(key), value));
        Map<String, Object> context = Map.of(
                "Values", merge(read("values.yaml"), overrides),
                "Chart", chart,
                "Release", Map.of("Name", release, "Namespace", namespace, "Service", "Helm"));
        HelmTemplate template = new HelmTemplate();
        Map<String, String> rendered = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder.resolve("templates"))) {
            var sorted = files.sorted().toList();
            for (Path file : sorted) {
                if (file.getFileName().toString().startsWith("_")) {
                    template.addDefinitions(text(file));
                }
            }
            for (Path file : sorted) {
                if (!file.getFileName().toString().startsWith("_")) {
                    rendered.put(file.getFileName().toString(), template.render(text(file), context));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rendered;
    }

    /** Reads a values file, e.g. {@code ci/production-values.yaml}. */
    Map<String, Object> read(String relative) {
        try {
            return YAML.readValue(text(folder.resolve(relative)), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map<?, ?> left && value instanceof Map<?, ?> right) {
                merged.put(key, merge((Map<String, Object>) left, (Map<String, Object>) right));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static String capitalise(String key) {
        return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
