package dev.meshprov.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A technology's configuration section as wiring reads it: must be a map, its {@code enabled} and {@code mode}
 * switches, and the rest handed to the technology's provider.
 */
final class TechnologySections {

    private TechnologySections() {}

    /**
     * The registration of {@code provider}'s technology from its section: disabled, or enabled and created with the
     * section less its {@code enabled} and {@code mode} switches; empty when the section has problems (added to
     * {@code problems}).
     */
    static Optional<Registration> registration(
            TechnologyProvider provider, ConfigSection section, TechnologyContext context, ProblemList problems) {
        TechnologyDescriptor descriptor = provider.descriptor();
        if (!section.isAbsent() && !section.node().isObject()) {
            problems.add(Problem.of(
                    section.path(),
                    "must be a map",
                    "Write the " + section.path() + " settings as a map, e.g. " + section.path()
                            + ": {enabled: true}."));
            return Optional.empty();
        }
        boolean enabled = flag(section, "enabled", descriptor.enabledByDefault(), problems);
        ExecutionMode mode = mode(section, descriptor.defaultMode(), problems);
        if (!enabled) {
            return Optional.of(Registration.disabled(descriptor));
        }
        ConfigSection rest = withoutSwitches(section);
        Validation<Seq<Problem>, Technology<?>> created = provider.create(rest, context);
        if (created.isInvalid()) {
            problems.addAll(created.getError());
            return Optional.empty();
        }
        return Optional.of(Registration.enabled(descriptor, created.get(), mode));
    }

    private static boolean flag(ConfigSection section, String key, boolean fallback, ProblemList problems) {
        JsonNode value = section.child(key).node();
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && Set.of("true", "false").contains(value.asText().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(value.asText());
        }
        problems.add(Problem.of(section.key(key), "must be true or false", "Write " + section.key(key) + ": true."));
        return fallback;
    }

    private static ExecutionMode mode(ConfigSection section, ExecutionMode fallback, ProblemList problems) {
        JsonNode value = section.child("mode").node();
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        for (ExecutionMode mode : ExecutionMode.values()) {
            if (value.isTextual() && mode.name().equalsIgnoreCase(value.asText())) {
                return mode;
            }
        }
        problems.add(Problem.of(
                section.key("mode"),
                "must be sync or async",
                "Write " + section.key("mode")
                        + ": async (answers with a token to poll) or sync (answers when done)."));
        return fallback;
    }

    private static ConfigSection withoutSwitches(ConfigSection section) {
        if (section.isAbsent()) {
            return section;
        }
        ObjectNode copy = ((ObjectNode) section.node()).deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        names.stream()
                .filter(n -> n.equalsIgnoreCase("enabled") || n.equalsIgnoreCase("mode"))
                .forEach(copy::remove);
        return new ConfigSection(section.path(), copy);
    }
}
