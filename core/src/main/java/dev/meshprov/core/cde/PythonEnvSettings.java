package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@code python-env} resource.
 *
 * @param pythonVersion e.g. {@code python3}
 * @param pyPiMirror the package index to install from, if not the default
 */
public record PythonEnvSettings(String pythonVersion, Optional<String> pyPiMirror) {
    public PythonEnvSettings {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(pyPiMirror, "pyPiMirror");
    }
}
