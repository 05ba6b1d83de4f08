package dev.meshprov.airbyte;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.meshprov.core.airbyte.SpecViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the validator's messages into violations people can act on. A failed {@code oneOf} (the connectors use them
 * for alternatives chosen by a constant field, e.g. {@code provider.storage} or {@code credentials.auth_type}) is
 * narrowed to the alternative whose constant the configuration chose, so the user reads what that alternative
 * lacks instead of every alternative's complaint; when no alternative's constant matches, the violation is on the
 * constant field and lists the allowed values.
 */
final class SchemaViolations {

    private static final Pattern BRANCH = Pattern.compile("^\\[(\\d+)]");
    private static final Set<String> DISCRIMINATING = Set.of("const", "enum");

    private final JsonSchemaSpecification specification;

    SchemaViolations(JsonSchemaSpecification specification) {
        this.specification = specification;
    }

    List<SpecViolation> reduce(Set<ValidationMessage> messages) {
        List<ValidationMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(m -> m.getEvaluationPath().toString()));
        Map<String, SpecViolation> violations = new LinkedHashMap<>();
        for (SpecViolation violation : narrowed(sorted)) {
            violations.putIfAbsent(violation.path() + " " + violation.message(), violation);
        }
        return List.copyOf(violations.values());
    }

    private List<SpecViolation> narrowed(List<ValidationMessage> messages) {
        List<SpecViolation> result = new ArrayList<>();
        List<ValidationMessage> remaining = new ArrayList<>(messages);
        while (!remaining.isEmpty()) {
            ValidationMessage first = remaining.remove(0);
            if (!first.getType().equals("oneOf")) {
                result.add(violation(first));
                continue;
            }
            String prefix = first.getEvaluationPath().toString();
            List<ValidationMessage> inside = new ArrayList<>();
            remaining.removeIf(message -> {
                boolean within = message.getEvaluationPath().toString().startsWith(prefix + "[");
                if (within) {
                    inside.add(message);
                }
                return within;
            });
            result.addAll(oneOf(first, prefix, inside));
        }
        return result;
    }

    /** The violations of a failed {@code oneOf}, from the messages of its alternatives. */
    private List<SpecViolation> oneOf(ValidationMessage failure, String prefix, List<ValidationMessage> inside) {
        Map<Integer, List<ValidationMessage>> branches = new TreeMap<>();
        for (ValidationMessage message : inside) {
            Matcher branch =
                    BRANCH.matcher(message.getEvaluationPath().toString().substring(prefix.length()));
            if (branch.find()) {
                branches.computeIfAbsent(Integer.parseInt(branch.group(1)), k -> new ArrayList<>())
                        .add(message);
            }
        }
        List<List<ValidationMessage>> chosen = branches.values().stream()
                .filter(messages -> messages.stream().noneMatch(m -> DISCRIMINATING.contains(m.getType())))
                .toList();
        if (chosen.size() == 1) {
            return narrowed(chosen.get(0));
        }
        if (chosen.isEmpty()) {
            Optional<JsonNodePath> discriminator = inside.stream()
                    .filter(m -> DISCRIMINATING.contains(m.getType()))
                    .map(ValidationMessage::getInstanceLocation)
                    .distinct()
                    .reduce((a, b) -> a.getNameCount() <= b.getNameCount() ? a : b);
            if (discriminator.isPresent()) {
                List<String> path = keys(discriminator.get());
                List<String> allowed = specification.allowedValues(path);
                return List.of(new SpecViolation(
                        path,
                        "is none of the values the alternatives allow",
                        allowed.isEmpty()
                                ? Optional.empty()
                                : Optional.of("Use one of: " + String.join(", ", allowed) + ".")));
            }
        }
        return List.of(violation(failure));
    }

    private SpecViolation violation(ValidationMessage message) {
        List<String> path = keys(message.getInstanceLocation());
        if (message.getType().equals("required") && message.getProperty() != null) {
            List<String> missing = new ArrayList<>(path);
            missing.add(message.getProperty());
            return new SpecViolation(
                    missing, "is required but missing", Optional.of("Add " + String.join(".", missing) + "."));
        }
        return new SpecViolation(path, message.getError(), hint(message.getType(), path, message.getArguments()));
    }

    private Optional<String> hint(String type, List<String> path, Object[] arguments) {
        switch (type) {
            case "enum", "const" -> {
                List<String> allowed = specification.allowedValues(path);
                return allowed.isEmpty()
                        ? Optional.empty()
                        : Optional.of("Use one of: " + String.join(", ", allowed) + ".");
            }
            case "pattern" -> {
                return specification.at(path).stream()
                        .map(schema -> schema.path("pattern_descriptor").asText(""))
                        .filter(descriptor -> !descriptor.isBlank())
                        .findFirst()
                        .map(descriptor -> "Write it as " + descriptor + ".");
            }
            case "type" -> {
                return arguments.length > 1 ? Optional.of("Write it as a " + arguments[1] + ".") : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static List<String> keys(JsonNodePath location) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            keys.add(String.valueOf(location.getElement(i)));
        }
        return keys;
    }
}
