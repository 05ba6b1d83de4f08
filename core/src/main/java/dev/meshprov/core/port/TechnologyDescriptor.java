package dev.meshprov.core.port;

import java.util.Objects;
import java.util.Set;

/**
 * What the core and the entry points need to know about a technology before it is configured.
 *
 * @param name the short name: configuration section, URL prefix and routing key (e.g. {@code mwaa})
 * @param displayName a name for people (e.g. {@code Airflow on Amazon MWAA})
 * @param defaultMode sync or async when the configuration does not say
 * @param enabledByDefault whether it runs when the configuration does not mention it (the embedded default)
 * @param componentKinds the component kinds it provisions (e.g. {@code workload})
 * @param enableHint what to configure to enable it, shown when a request needs it and it is off
 */
public record TechnologyDescriptor(
        String name,
        String displayName,
        ExecutionMode defaultMode,
        boolean enabledByDefault,
        Set<String> componentKinds,
        String enableHint) {
    public TechnologyDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(defaultMode, "defaultMode");
        componentKinds = Set.copyOf(componentKinds);
        Objects.requireNonNull(enableHint, "enableHint");
    }
}
