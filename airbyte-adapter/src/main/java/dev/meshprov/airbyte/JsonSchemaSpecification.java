package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.meshprov.core.airbyte.ConnectorSpecification;
import dev.meshprov.core.airbyte.SpecViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A connector's specification (its {@code connectionSpecification}, a JSON Schema of draft 07 as Airbyte publishes
 * it) checked with the validator Airbyte uses itself (networknt, draft 07). Airbyte's own keywords
 * ({@code airbyte_secret}, {@code order}, {@code group}...) are annotations. Keys the schema does not name are
 * allowed wherever the schema allows them (the connectors' specifications allow further keys).
 */
final class JsonSchemaSpecification implements ConnectorSpecification {

    private static final JsonMetaSchema DRAFT_07_WITH_AIRBYTE_KEYWORDS = JsonMetaSchema.builder(JsonMetaSchema.getV7())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(DRAFT_07_WITH_AIRBYTE_KEYWORDS));

    private final String name;
    private final JsonNode schema;
    private volatile JsonSchema validator;

    /**
     * @param name a name for people, e.g. {@code the airbyte/source-file 0.5.29 specification}
     * @param schema the {@code connectionSpecification}
     */
    JsonSchemaSpecification(String name, JsonNode schema) {
        this.name = name;
        this.schema = schema;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SpecViolation> violations(JsonNode configuration) {
        Set<ValidationMessage> messages = validator().validate(configuration);
        return messages.isEmpty() ? List.of() : new SchemaViolations(this).reduce(messages);
    }

    @Override
    public List<String> allowedValues(List<String> path) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode candidate : at(path)) {
            candidate.path("enum").forEach(value -> values.add(value.asText()));
            if (candidate.has("const")) {
                values.add(candidate.get("const").asText());
            }
        }
        return List.copyOf(values);
    }

    /** The regular expressions the rules require of the text at {@code path}, with their description when given. */
    List<TextRule> patterns(List<String> path) {
        List<TextRule> rules = new ArrayList<>();
        for (JsonNode candidate : at(path)) {
            if (candidate.path("pattern").isTextual()) {
                rules.add(new TextRule(
                        Pattern.compile(candidate.get("pattern").asText()),
                        Optional.of(candidate.path("pattern_descriptor").asText(""))
                                .filter(text -> !text.isBlank())));
            }
        }
        return rules;
    }

    /**
     * A rule on a text field.
     *
     * @param pattern what the text must match (the JSON Schema patterns of the connectors are valid Java patterns)
     * @param descriptor how the specification describes it for people
     */
    record TextRule(Pattern pattern, Optional<String> descriptor) {}

    /** The validator, built on first use (building it loads the validator's classes and the meta-schema). */
    private JsonSchema validator() {
        JsonSchema built = validator;
        if (built == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = FACTORY.getSchema(schema);
                }
                built = validator;
            }
        }
        return built;
    }

    /** The schemas that may apply at {@code path}: every alternative of {@code oneOf}, {@code anyOf}, {@code allOf}. */
    List<JsonNode> at(List<String> path) {
        List<JsonNode> current = alternatives(schema);
        for (String key : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode candidate : current) {
                JsonNode property = candidate.path("properties").path(key);
                if (property.isObject()) {
                    next.addAll(alternatives(property));
                }
            }
            current = next;
        }
        return current;
    }

    private static List<JsonNode> alternatives(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        all.add(node);
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            node.path(combinator).forEach(branch -> all.addAll(alternatives(branch)));
        }
        return all;
    }
}
