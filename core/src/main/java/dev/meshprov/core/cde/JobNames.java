package dev.meshprov.core.cde;

import dev.meshprov.core.model.ComponentId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The job naming rules: the name derived from the component id and environment, and CDE's limits on job names.
 */
public final class JobNames {

    /** The longest job name meshprov accepts (CDE stores job names of up to 128 characters). */
    public static final int MAX_LENGTH = 128;

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-zA-Z0-9]");
    private static final Pattern ALLOWED = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    private JobNames() {}

    /**
     * The derived job name: the component id without {@code urn:dmb:cmp:}, then {@code -<environment>}, with every
     * character outside {@code [a-zA-Z0-9]} replaced by {@code -}.
     */
    public static String derive(ComponentId componentId, String environment) {
        return NOT_ALPHANUMERIC
                .matcher(componentId.withoutPrefix() + "-" + environment)
                .replaceAll("-");
    }

    /** Why {@code name} is not a job name CDE accepts; empty when it is. */
    public static Optional<String> violation(String name) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters long; CDE job names have at most " + MAX_LENGTH);
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
        }
        return Optional.empty();
    }
}
