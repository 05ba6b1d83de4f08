package dev.meshprov.airbyte;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings that are Airbyte ids: the workspace, the workspace of each data product environment, and the
 * connector definitions (which default to the public catalog's). Each must be a UUID.
 */
final class IdChecks {

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ConfigProblems problems;

    IdChecks(ConfigProblems problems) {
        this.problems = problems;
    }

    /** The trimmed UUID of setting {@code key}, or {@code null} (with a problem unless it is blank and optional). */
    String uuid(String key, String value, boolean required, String what) {
        if (ConfigProblems.blank(value)) {
            if (required) {
                problems.add(
                        key, "is required but missing", "Set " + problems.key(key) + " to the UUID of " + what + ".");
            }
            return null;
        }
        if (!UUID.matcher(value.trim()).matches()) {
            problems.add(
                    key,
                    "is '" + value + "', which is not a UUID",
                    "Set " + problems.key(key) + " to the UUID of " + what + ".");
            return null;
        }
        return value.trim();
    }

    /** The connector definition of setting {@code key}, or {@code fallback} when it is unset or wrong. */
    String definition(String key, String value, String what, String fallback) {
        return Optional.ofNullable(uuid(key, value, false, what)).orElse(fallback);
    }

    /** The workspace of each environment that names a valid one, in the order given. */
    Map<String, String> environments(Map<String, AirbyteConfig.Environment> environments) {
        Map<String, String> workspaces = new LinkedHashMap<>();
        if (environments == null) {
            return workspaces;
        }
        environments.forEach((name, environment) -> {
            String id = uuid(
                    "environments." + name + ".workspaceId",
                    environment == null ? null : environment.workspaceId(),
                    true,
                    "the workspace of environment " + name);
            if (id != null) {
                workspaces.put(name, id);
            }
        });
        return workspaces;
    }
}
