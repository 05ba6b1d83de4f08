package dev.meshprov.core.mwaa;

import java.util.Objects;
import java.util.Optional;

/**
 * The staging prefix of a DAG and what decided it — the descriptor's {@code sourcePath}, an environment of the
 * configuration, or the filesystem store's built-in default — so that a missing staging file is reported with the
 * location used and a fix that points at what actually decides it.
 *
 * @param prefix the prefix used, e.g. {@code staging/}
 * @param configKey the configuration key it came from, when the configuration decided
 * @param builtIn whether that configuration is the filesystem store's built-in default (no {@code mwaa.environments})
 * @param written what the descriptor's {@code sourcePath} says, if anything
 */
record StagingPrefix(String prefix, Optional<String> configKey, boolean builtIn, Optional<String> written) {

    StagingPrefix {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(written, "written");
    }

    /** The descriptor's {@code sourcePath} decided. */
    static StagingPrefix fromDescriptor(String prefix) {
        return new StagingPrefix(prefix, Optional.empty(), false, Optional.of(prefix));
    }

    /** Where it came from, for the end of a message: {@code (staging prefix 'staging/' from ...)}. */
    String origin() {
        String instead = written.filter(w -> !w.equals(prefix))
                .map(w -> ", used instead of the descriptor's sourcePath '" + w + "'")
                .orElse("");
        if (configKey.isEmpty()) {
            return "(staging prefix '" + prefix + "' from the descriptor's sourcePath)";
        }
        if (builtIn) {
            return "(staging prefix '" + prefix + "', the filesystem store's built-in default" + instead + ")";
        }
        return "(staging prefix '" + prefix + "' from " + configKey.get() + instead + ")";
    }

    /** How to get a DAG found at {@code location}: upload it there, or change what decides the prefix. */
    String fix(String location) {
        String upload = "Upload the DAG to " + location + " first (the component's CI pipeline does this)";
        if (configKey.isEmpty()) {
            return upload + ", or correct dagName and sourcePath.";
        }
        if (builtIn) {
            return upload + ". The descriptor's sourcePath is not used while mwaa.environments is not configured: to"
                    + " stage elsewhere, set " + configKey.get() + " (or configure mwaa.environments without a"
                    + " sourcePath to use the descriptor's).";
        }
        return upload + ", or change " + configKey.get() + " in meshprov's configuration: it decides the staging"
                + " prefix, not the descriptor's sourcePath.";
    }
}
