package dev.meshprov.docs;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.meshprov.core.secret.Redactor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys of a configuration record, found by reflection the way {@code ConfigSection.bind} reads them: one key per
 * record component, nested records as sub-sections, maps of records as sections keyed by a name the user chooses
 * (written {@code <placeholder>}), and everything else as a leaf with the type the binder accepts.
 */
final class ConfigurationModel {

    /**
     * One leaf key.
     *
     * @param key the dotted key, e.g. {@code mwaa.s3.region} or {@code mwaa.environments.<environment>.bucket}
     * @param type what the binder accepts, in words
     * @param secret whether the redactor treats the key's value as a secret
     * @param defaultValue the default computed from the model, if the model has one ({@code withDefaults()})
     */
    record Key(String key, String type, boolean secret, Optional<String> defaultValue) {}

    private final Map<String, String> placeholders;

    /** {@code placeholders}: the word written for the keys of a map section, by the map's dotted key. */
    ConfigurationModel(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /** Every leaf key of {@code type} under {@code prefix}, in declaration order. */
    List<Key> keys(String prefix, Class<?> type) {
        List<Key> keys = new ArrayList<>();
        Optional<Object> defaults = defaults(type);
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            Type generic = component.getGenericType();
            Class<?> raw = component.getType();
            if (raw.isRecord()) {
                keys.addAll(keys(key, raw));
            } else if (Map.class.isAssignableFrom(raw)
                    && argument(generic, 1) instanceof Class<?> value
                    && value.isRecord()) {
                keys.addAll(keys(key + ".<" + placeholder(key) + ">", value));
            } else {
                keys.add(new Key(
                        key,
                        describe(generic),
                        Redactor.isSecretKey(component.getName()),
                        defaults.map(d -> value(d, component)).map(ConfigurationModel::format)));
            }
        }
        return keys;
    }

    private String placeholder(String key) {
        String placeholder = placeholders.get(key);
        if (placeholder == null) {
            throw new IllegalStateException("name the keys of map section " + key + " in the generator");
        }
        return placeholder;
    }

    /** The record's defaults when it has a public {@code withDefaults()}: applied to a record of nulls. */
    private static Optional<Object> defaults(Class<?> type) {
        try {
            var method = type.getMethod("withDefaults");
            Object[] nulls = new Object[type.getRecordComponents().length];
            Class<?>[] types = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Object empty = type.getDeclaredConstructor(types).newInstance(nulls);
            return Optional.ofNullable(method.invoke(empty));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot apply the defaults of " + type, e);
        }
    }

    private static Object value(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String format(Object value) {
        if (value instanceof Duration duration) {
            return duration(duration);
        }
        if (value instanceof Enum<?> constant) {
            return enumName(constant);
        }
        return String.valueOf(value);
    }

    private static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    private static String describe(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return "list of " + plural(describe(argument(type, 0)));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "map of " + describe(argument(type, 0)) + " to " + describe(argument(type, 1));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "string";
        }
        if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            return "integer";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (raw == Duration.class) {
            return "duration";
        }
        if (raw.isEnum()) {
            return Arrays.stream(raw.getEnumConstants())
                    .map(c -> enumName((Enum<?>) c))
                    .collect(Collectors.joining(" \\| "));
        }
        throw new IllegalStateException("the generator does not know how to describe " + type);
    }

    private static String plural(String type) {
        return type.equals("string") ? "strings" : type;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : null;
    }

    /** The name the configuration uses: its {@code @JsonProperty}, else the constant in lower case. */
    private static String enumName(Enum<?> constant) {
        try {
            Field field = constant.getDeclaringClass().getField(constant.name());
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
