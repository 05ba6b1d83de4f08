package dev.meshprov.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.Spelling;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One section of the configuration, e.g. {@code mwaa} or {@code airbyte.auth}, as a tree whose keys are matched
 * case-insensitively. {@link #bind(Class)} turns it into a record and reports every unknown key and every value of
 * the wrong type at once, each named by its dotted key (e.g. {@code airbyte.timeouts.read}).
 *
 * <p>Durations are written with a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} (ISO-8601 such as
 * {@code PT10S} is accepted too).
 *
 * @param path the dotted key of this section ({@code ""} for the root)
 * @param node the section's tree; a missing node when the section is absent
 */
public record ConfigSection(String path, JsonNode node) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("meshprov-config").addDeserializer(Duration.class, new DurationReader()))
            .build();

    public ConfigSection {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
    }

    /** The root of a configuration tree. */
    public static ConfigSection root(JsonNode node) {
        return new ConfigSection("", node);
    }

    /** The dotted key of {@code key} inside this section. */
    public String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A sub-section (matched case-insensitively); a missing node when absent. */
    public ConfigSection child(String key) {
        JsonNode child = MissingNode.getInstance();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(key)) {
                child = node.get(name);
            }
        }
        return new ConfigSection(key(key), child);
    }

    /** Whether this section is absent (or null) in the configuration. */
    public boolean isAbsent() {
        return node.isMissingNode() || node.isNull();
    }

    /**
     * Binds this section to {@code type} (a record whose components are boxed or nullable; absent keys are
     * {@code null}). An absent section binds as an empty object.
     */
    public <T> Validation<Seq<Problem>, T> bind(Class<T> type) {
        JsonNode source = isAbsent() ? JsonNodeFactory.instance.objectNode() : node;
        List<Problem> problems = new ArrayList<>();
        try {
            T value = MAPPER.reader()
                    .withHandler(new Collector(problems))
                    .forType(type)
                    .readValue(MAPPER.treeAsTokens(source));
            return Validations.fromProblems(problems, () -> value);
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.of(
                    path.isEmpty() ? "configuration" : path,
                    "cannot be read: " + firstLine(e.getMessage()),
                    "Check the section against the configuration reference."));
            return Validations.invalid(io.vavr.collection.List.ofAll(problems));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Records unknown keys and wrong types instead of stopping at the first. */
    private final class Collector extends DeserializationProblemHandler {
        private final List<Problem> problems;

        Collector(List<Problem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser p,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            String key = dotted(p, propertyName);
            String parent = key.endsWith(propertyName) ? key.substring(0, key.length() - propertyName.length()) : "";
            Optional<String> meant = Spelling.closest(
                    propertyName,
                    deserializer.getKnownPropertyNames().stream()
                            .map(String::valueOf)
                            .toList());
            problems.add(Problem.of(
                    key,
                    "is not a known setting"
                            + meant.map(name -> "; did you mean " + parent + name + "?")
                                    .orElse(""),
                    "Remove it or correct its spelling; see the configuration reference for the keys of "
                            + (path.isEmpty() ? "the configuration" : path) + "."));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(
                DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg)
                throws IOException {
            return wrongValue(ctxt, targetType, "'" + valueToConvert + "'");
        }

        @Override
        public Object handleWeirdNumberValue(
                DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg)
                throws IOException {
            return wrongValue(ctxt, targetType, String.valueOf(valueToConvert));
        }

        /** Records a value that is not of the target type (as shown) and lets binding go on with none. */
        private Object wrongValue(DeserializationContext ctxt, Class<?> targetType, String shown) {
            problems.add(Problem.of(
                    dotted(ctxt.getParser(), null),
                    "has the value " + shown + ", which is not " + describe(targetType),
                    "Write " + describe(targetType) + "."));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(
                DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
                throws IOException {
            problems.add(Problem.of(
                    dotted(p, null),
                    "is " + describe(t) + ", but must be " + describe(targetType.getRawClass()),
                    "Write " + describe(targetType.getRawClass()) + "."));
            p.skipChildren();
            return null;
        }

        private String dotted(JsonParser p, String extra) {
            StringBuilder key = new StringBuilder(path);
            String pointer = p.getParsingContext().pathAsPointer().toString();
            for (String segment : pointer.split("/")) {
                if (!segment.isEmpty()) {
                    appendSegment(key, segment.replace("~1", "/").replace("~0", "~"));
                }
            }
            if (extra != null && !pointer.endsWith("/" + extra)) {
                appendSegment(key, extra);
            }
            return key.length() == 0 ? "configuration" : key.toString();
        }

        private static void appendSegment(StringBuilder key, String segment) {
            if (segment.chars().allMatch(Character::isDigit)) {
                key.append('[').append(segment).append(']');
            } else {
                if (key.length() > 0) {
                    key.append('.');
                }
                key.append(segment);
            }
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "a map";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> "unexpected";
            };
        }

        private static String describe(Class<?> type) {
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "a whole number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (type == Duration.class) {
                return "a duration with a unit, e.g. 500ms, 10s, 5m";
            }
            if (type.isEnum()) {
                return "one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                                .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                                .toList();
            }
            if (List.class.isAssignableFrom(type)) {
                return "a list";
            }
            if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
                return "a map";
            }
            if (type == String.class) {
                return "a string";
            }
            return "a " + type.getSimpleName();
        }
    }
}
