package dev.meshprov.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.ProblemList;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration tree: the YAML file (if any), then {@code ${VAR}} / {@code ${VAR:-default}} interpolation
 * of its string values from the environment, then {@code MESHPROV_*} environment overrides
 * ({@code MESHPROV_SERVER_PORT=9000} sets {@code server.port}; one underscore per level, keys matched
 * case-insensitively, so {@code MESHPROV_AIRBYTE_APIURL} sets {@code airbyte.apiUrl}; a value starting with
 * {@code [} or <code>{</code> is read as YAML, e.g. {@code [a, b]}). Every problem is reported together.
 */
public final class ConfigSource {

    /** The variable that names the configuration file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "MESHPROV_CONFIG";

    /** The file read when neither {@code --config} nor {@code MESHPROV_CONFIG} is given, if it exists. */
    public static final String DEFAULT_FILE = "meshprov.yaml";

    private static final String PREFIX = "MESHPROV_";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final SafeYaml YAML = SafeYaml.withDefaults();

    private ConfigSource() {}

    /**
     * The configuration file to read: {@code explicit} (must exist), else {@code MESHPROV_CONFIG} (must exist),
     * else {@code meshprov.yaml} in {@code workingDirectory} when it exists, else none (the embedded default).
     */
    public static Optional<Path> locate(Optional<Path> explicit, Map<String, String> env, Path workingDirectory) {
        if (explicit.isPresent()) {
            return explicit;
        }
        String fromEnv = env.get(CONFIG_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        Path fallback = workingDirectory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** Reads, interpolates and overrides the configuration; an absent file means an empty one. */
    public static Validation<Seq<Problem>, JsonNode> load(Optional<Path> file, Map<String, String> env) {
        return loadLeniently(file, env).flatMap(loaded -> Validations.fromProblems(loaded.problems(), loaded::tree));
    }

    /**
     * Like {@link #load}, but problems of interpolation and overrides do not stop it: the tree is returned with them
     * (an unset variable reads as empty), so that the caller can report them together with its own. Invalid only
     * when the file cannot be read as YAML.
     */
    public static Validation<Seq<Problem>, Loaded> loadLeniently(Optional<Path> file, Map<String, String> env) {
        Validation<Seq<Problem>, JsonNode> base =
                file.map(ConfigSource::read).orElseGet(() -> Validations.valid(JsonNodeFactory.instance.objectNode()));
        return base.map(tree -> {
            ProblemList problems = new ProblemList();
            JsonNode interpolated = interpolate(tree, "", env, problems);
            Map<String, String> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            applyEnvironment((ObjectNode) interpolated, env, problems, variables);
            return new Loaded(interpolated, problems.asList(), variables);
        });
    }

    /**
     * A configuration tree and the problems found while interpolating and overriding it.
     *
     * @param tree the configuration
     * @param problems each naming its key; empty when the tree is exactly what was configured
     * @param variables the {@code MESHPROV_*} variable that set each overridden key, by dotted key
     */
    public record Loaded(JsonNode tree, List<Problem> problems, Map<String, String> variables) {
        public Loaded {
            problems = List.copyOf(problems);
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(variables);
            variables = Collections.unmodifiableMap(copy);
        }

        /**
         * {@code problem} as the person who set the value sees it: a key set by a {@code MESHPROV_*} variable (or
         * inside a value it set) is named by the variable, e.g. {@code MESHPROV_SERVER_PORT: sets server.port, which
         * has the value 'abc', ...}; any other problem as it is.
         */
        public Problem attributed(Problem problem) {
            String field = problem.field();
            for (Map.Entry<String, String> entry : variables.entrySet()) {
                String key = entry.getKey();
                boolean inside = field.length() > key.length()
                        && field.regionMatches(true, 0, key, 0, key.length())
                        && (field.charAt(key.length()) == '.' || field.charAt(key.length()) == '[');
                if (field.equalsIgnoreCase(key) || inside) {
                    return Problem.of(
                            entry.getValue(),
                            "sets " + field + ", which " + problem.message(),
                            problem.solution().replace(key, entry.getValue()));
                }
            }
            return problem;
        }
    }

    private static Validation<Seq<Problem>, JsonNode> read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            return Validations.invalid(Problem.of(
                    "configuration",
                    "file " + name + " does not exist or is not a file",
                    "Pass an existing file with --config or MESHPROV_CONFIG, or none for the embedded default."));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Validations.invalid(Problem.of(
                    "configuration",
                    "file " + name + " cannot be read: " + e.getMessage(),
                    "Check the file's permissions."));
        }
        return YAML.parse(text, "configuration file " + name).flatMap(tree -> {
            if (tree.isMissingNode()) {
                return Validations.valid(JsonNodeFactory.instance.objectNode());
            }
            if (!tree.isObject()) {
                return Validations.invalid(Problem.of(
                        "configuration",
                        "file " + name + " must hold a YAML map of sections",
                        "Write the configuration as sections such as server:, tasks:, mwaa:."));
            }
            return Validations.valid(tree);
        });
    }

    private static JsonNode interpolate(JsonNode node, String key, Map<String, String> env, ProblemList problems) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.asText(), key, env, problems));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields()
                    .forEachRemaining(entry -> copy.set(
                            entry.getKey(),
                            interpolate(
                                    entry.getValue(),
                                    key.isEmpty() ? entry.getKey() : key + "." + entry.getKey(),
                                    env,
                                    problems)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(interpolate(node.get(i), key + "[" + i + "]", env, problems));
            }
            return copy;
        }
        return node;
    }

    private static String substitute(String text, String key, Map<String, String> env, ProblemList problems) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = env.get(matcher.group(1));
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                problems.add(Problem.of(
                        key,
                        "refers to the environment variable " + matcher.group(1) + ", which is not set",
                        "Set " + matcher.group(1) + ", or give a default: ${" + matcher.group(1) + ":-value}."));
                value = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static void applyEnvironment(
            ObjectNode root, Map<String, String> env, ProblemList problems, Map<String, String> variables) {
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(PREFIX) || name.equals(CONFIG_VARIABLE)) {
                continue;
            }
            String[] segments = name.substring(PREFIX.length()).split("_+");
            if (segments.length == 0 || segments[0].isEmpty()) {
                continue;
            }
            ObjectNode node = root;
            StringBuilder dotted = new StringBuilder();
            for (int i = 0; i < segments.length - 1; i++) {
                String key = matchKey(node, segments[i]);
                dotted.append(key).append('.');
                JsonNode child = node.get(key);
                if (child == null || !child.isObject()) {
                    child = node.putObject(key);
                }
                node = (ObjectNode) child;
            }
            Validation<Seq<Problem>, JsonNode> value = value(name, entry.getValue());
            if (value.isValid()) {
                String last = matchKey(node, segments[segments.length - 1]);
                node.set(last, value.get());
                variables.put(dotted + last, name);
            } else {
                problems.addAll(value.getError());
            }
        }
    }

    private static Validation<Seq<Problem>, JsonNode> value(String variable, String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return YAML.parse(trimmed, "environment variable " + variable);
        }
        return Validations.valid(TextNode.valueOf(text));
    }

    private static String matchKey(ObjectNode node, String segment) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(segment) || name.replaceAll("[-_]", "").equalsIgnoreCase(segment)) {
                return name;
            }
        }
        return segment.toLowerCase(java.util.Locale.ROOT);
    }
}
