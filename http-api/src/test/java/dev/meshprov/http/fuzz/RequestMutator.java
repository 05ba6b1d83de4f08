package dev.meshprov.http.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Turns valid ProvisioningRequests into hostile requests for every mutating and validating endpoint: mutated
 * descriptor trees (wrong types, nulls, huge strings, unicode, deep nesting, path traversal in every path-like
 * field), hostile YAML text (anchors and alias bombs, {@code !!java} and other tags, merge keys, truncation,
 * duplicate keys, several documents, deep flow nesting) and mutated request bodies. Deterministic for a given
 * random generator; thread-safe.
 */
final class RequestMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_LIKE =
            Pattern.compile("(?i).*(path|name|dag|ur[il]|jar|file|bucket|key|dir|prefix|id|class|dependencies|args)$");
    private static final List<String> TAGS = List.of(
            "!!java.io.File /etc/passwd",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]",
            "!!java.lang.ProcessBuilder [[touch, /tmp/meshprov-fuzz-pwned]]",
            "!!python/object/apply:os.system [\"id\"]",
            "!!binary aGVsbG8=",
            "!!set {a, b}",
            "!!timestamp 2001-12-14t21:59:43.10-05:00",
            "!!float .nan",
            "!!int 0x7fffffffffffffffff",
            "!custom value",
            "!<tag:yaml.org,2002:java.util.HashMap> {}",
            "!!map {a: 1}",
            "!!seq [1]",
            "!!omap [a: 1]");

    private final List<JsonNode> bases;
    private final Map<String, JsonNode> parsed = new HashMap<>();
    private final HostileValues values;

    /** @param bases valid ProvisioningRequest bodies; never modified */
    RequestMutator(List<JsonNode> bases, HostileValues values) {
        this.bases = List.copyOf(bases);
        this.values = values;
        bases.forEach(base -> {
            String descriptor = base.path("descriptor").asText();
            parsed.put(descriptor, readYaml(descriptor));
        });
    }

    /** The {@code number}th case of a run. */
    FuzzCase next(int number, SplittableRandom random) {
        JsonNode base = HostileValues.pick(random, bases);
        String descriptor = base.path("descriptor").asText();
        StringBuilder description = new StringBuilder();
        String mutated =
                switch (random.nextInt(10)) {
                    case 0, 1, 2, 3, 4 -> mutateTree(descriptor, random, description);
                    case 5, 6, 7 -> mutateText(descriptor, random, description);
                    default -> {
                        description.append("descriptor unchanged");
                        yield descriptor;
                    }
                };
        int endpoint = random.nextInt(20);
        if (endpoint < 6) {
            return new FuzzCase(
                    number,
                    description.toString(),
                    "/v1/validate",
                    provisioning(mutated, descriptor, random, description));
        }
        if (endpoint < 12) {
            return new FuzzCase(
                    number,
                    description.toString(),
                    "/v1/provision",
                    provisioning(mutated, descriptor, random, description));
        }
        if (endpoint < 15) {
            return new FuzzCase(
                    number,
                    description.toString(),
                    "/v1/unprovision",
                    provisioning(mutated, descriptor, random, description));
        }
        if (endpoint < 18) {
            return new FuzzCase(
                    number, description.toString(), "/v1/updateacl", updateAcl(mutated, random, description));
        }
        return new FuzzCase(
                number, description.toString(), "/v1/reverse-provisioning", reverse(descriptor, random, description));
    }

    /** A ProvisioningRequest of {@code descriptor}, sometimes with a mutation of {@code valid} as enriched one. */
    private String provisioning(String descriptor, String valid, SplittableRandom random, StringBuilder description) {
        ObjectNode request = NODES.objectNode();
        request.put("descriptorKind", "COMPONENT_DESCRIPTOR");
        request.put("descriptor", descriptor);
        request.put("removeData", random.nextBoolean());
        if (random.nextInt(5) == 0) {
            request.put("latestEnrichedDescriptor", mutateTree(valid, random, description.append("; enriched: ")));
        }
        return body(request, random, description);
    }

    private String updateAcl(String descriptor, SplittableRandom random, StringBuilder description) {
        ObjectNode request = NODES.objectNode();
        ArrayNode refs = request.putArray("refs");
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            refs.add(random.nextBoolean() ? "user:alice_example.com" : random.nextBoolean() ? "group:team" : "");
        }
        ObjectNode info = request.putObject("provisionInfo");
        ObjectNode provisioning = NODES.objectNode();
        provisioning.put("descriptorKind", "COMPONENT_DESCRIPTOR");
        provisioning.put("descriptor", descriptor);
        provisioning.put("removeData", false);
        info.put("request", random.nextBoolean() ? provisioning.toString() : descriptor);
        info.put("result", "provisioned");
        return body(request, random, description);
    }

    private String reverse(String descriptor, SplittableRandom random, StringBuilder description) {
        ObjectNode request = NODES.objectNode();
        JsonNode component = component(tree(descriptor));
        request.put("useCaseTemplateId", component.path("useCaseTemplateId").asText("urn:dmb:utm:x:0"));
        request.put("environment", "development");
        ObjectNode params = request.putObject("params");
        for (String name : List.of("connectionId", "jobName", "dagName", "cdeService", "cdeCluster", "name")) {
            if (random.nextBoolean()) {
                params.set(name, values.any(random));
            }
        }
        request.putObject("catalogInfo").put("kind", "Component");
        description.append("reverse params ").append(abbreviate(params.toString()));
        return body(request, random, description);
    }

    /** The request body, sometimes with one of its own fields replaced or its text corrupted. */
    private String body(ObjectNode request, SplittableRandom random, StringBuilder description) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            List<String> names = new ArrayList<>();
            request.fieldNames().forEachRemaining(names::add);
            String name = HostileValues.pick(random, names);
            JsonNode value = values.any(random);
            request.set(name, value);
            description.append("; body field ").append(name).append(" = ").append(abbreviate(value.toString()));
        } else if (kind == 1) {
            List<String> names = new ArrayList<>();
            request.fieldNames().forEachRemaining(names::add);
            String name = HostileValues.pick(random, names);
            request.remove(name);
            description.append("; body field ").append(name).append(" removed");
        } else if (kind == 2) {
            String text = request.toString();
            int cut = random.nextInt(text.length() + 1);
            description.append("; body truncated at ").append(cut);
            return text.substring(0, cut);
        } else if (kind == 3) {
            String text = request.toString();
            int at = random.nextInt(text.length() + 1);
            String noise = HostileValues.unicode(random, 1 + random.nextInt(8));
            description.append("; body noise at ").append(at);
            return text.substring(0, at) + noise + text.substring(at);
        }
        return request.toString();
    }

    private String mutateTree(String descriptor, SplittableRandom random, StringBuilder description) {
        JsonNode root = tree(descriptor);
        if (!(root instanceof ObjectNode)) {
            return descriptor;
        }
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            if (random.nextInt(5) < 2) {
                traverse(root, random, description);
            } else {
                replaceAny(root, random, description);
            }
        }
        return writeYaml(root, random);
    }

    /** A path-like field of the component to provision (or anywhere) set to a traversal. */
    private void traverse(JsonNode root, SplittableRandom random, StringBuilder description) {
        List<Slot> slots = new ArrayList<>();
        collect(component(root), "component", slots);
        List<Slot> pathLike = slots.stream()
                .filter(slot ->
                        slot.name() != null && PATH_LIKE.matcher(slot.name()).matches())
                .toList();
        if (pathLike.isEmpty()) {
            replaceAny(root, random, description);
            return;
        }
        Slot slot = HostileValues.pick(random, pathLike);
        String value = HostileValues.pick(random, values.traversals());
        slot.set(NODES.textNode(value));
        description.append("; ").append(slot.path()).append(" = ").append(abbreviate(value));
    }

    private void replaceAny(JsonNode root, SplittableRandom random, StringBuilder description) {
        List<Slot> slots = new ArrayList<>();
        collect(random.nextInt(3) == 0 ? root : component(root), "", slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot slot = HostileValues.pick(random, slots);
        if (random.nextInt(6) == 0 && slot.parent() instanceof ObjectNode object) {
            object.remove(slot.name());
            description.append("; ").append(slot.path()).append(" removed");
            return;
        }
        JsonNode value = values.any(random);
        slot.set(value);
        description.append("; ").append(slot.path()).append(" = ").append(abbreviate(value.toString()));
    }

    private String mutateText(String descriptor, SplittableRandom random, StringBuilder description) {
        switch (random.nextInt(9)) {
            case 0 -> {
                int levels = 2 + random.nextInt(9);
                description.append("billion laughs, ").append(levels).append(" levels");
                return laughs(levels, 2 + random.nextInt(9)) + descriptor;
            }
            case 1 -> {
                String tag = HostileValues.pick(random, TAGS);
                description.append("tag ").append(tag);
                return replaceValue(descriptor, random, tag);
            }
            case 2 -> {
                description.append("anchors and merge keys");
                return "base: &base {specific: {injected: true}}\nother: &list [*base, *base]\n" + descriptor
                        + "extra:\n  <<: *base\n  again: *list\n";
            }
            case 3 -> {
                int cut = random.nextInt(descriptor.length() + 1);
                description.append("descriptor truncated at ").append(cut);
                return descriptor.substring(0, cut);
            }
            case 4 -> {
                int at = random.nextInt(descriptor.length() + 1);
                description.append("descriptor noise at ").append(at);
                return descriptor.substring(0, at)
                        + HostileValues.unicode(random, 1 + random.nextInt(16))
                        + descriptor.substring(at);
            }
            case 5 -> {
                description.append("duplicate componentIdToProvision");
                return descriptor + "componentIdToProvision: urn:dmb:cmp:other\n";
            }
            case 6 -> {
                description.append("several documents");
                return descriptor + "---\n" + descriptor;
            }
            case 7 -> {
                int depth = 10 + random.nextInt(20_000);
                description.append("flow nesting ").append(depth);
                return "deep: " + "[".repeat(depth) + "]".repeat(depth) + "\n" + descriptor;
            }
            default -> {
                String tag = HostileValues.pick(random, TAGS);
                description.append("anchored tag ").append(tag);
                return "evil: &evil " + tag + "\n" + replaceValue(descriptor, random, "*evil");
            }
        }
    }

    /** The descriptor with the value of one random {@code key: value} line replaced by {@code replacement}. */
    private static String replaceValue(String descriptor, SplittableRandom random, String replacement) {
        String[] lines = descriptor.split("\n", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s*[A-Za-z_]+: \\S.*")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return descriptor + "\nx: " + replacement + "\n";
        }
        int line = HostileValues.pick(random, candidates);
        lines[line] = lines[line].substring(0, lines[line].indexOf(": ") + 2) + replacement;
        return String.join("\n", lines);
    }

    /** The classic exponential alias document: {@code levels} levels of {@code width} aliases each. */
    static String laughs(int levels, int width) {
        StringBuilder yaml = new StringBuilder("lol0: &lol0 [\"lol\"]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append("lol").append(level).append(": &lol").append(level).append(" [");
            for (int i = 0; i < width; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*lol").append(level - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    /** The component named by componentIdToProvision, or the root when there is none. */
    private static JsonNode component(JsonNode root) {
        String id = root.path("componentIdToProvision").asText();
        for (JsonNode component : root.path("dataProduct").path("components")) {
            if (component.path("id").asText().equals(id)) {
                return component;
            }
        }
        return root;
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                slots.add(new Slot(object, name, -1, child));
                collect(object.get(name), child, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(new Slot(array, null, i, child));
                collect(array.get(i), child, slots);
            }
        }
    }

    /** A place in a tree that can be replaced. */
    private record Slot(ContainerNode<?> parent, String name, int index, String path) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /** A copy of the tree of a descriptor, parsed once for the valid ones. */
    private JsonNode tree(String descriptor) {
        JsonNode known = parsed.get(descriptor);
        return known == null ? readYaml(descriptor) : known.deepCopy();
    }

    /** The tree of a descriptor, or a missing node when it is not (or no longer) YAML. */
    private static JsonNode readYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return NODES.missingNode();
        }
    }

    /** As YAML (a third of the time) or as JSON, which is YAML too and quicker to write. */
    private static String writeYaml(JsonNode root, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            try {
                return YAML.writeValueAsString(root);
            } catch (JsonProcessingException | RuntimeException e) {
                // e.g. too deep for the YAML writer: JSON below
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return root.toString();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + ")" : text;
    }
}
