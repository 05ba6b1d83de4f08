package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * What the virtual cluster holds now for one component.
 *
 * @param filesResource the files resource, if it exists
 * @param pythonEnv the Python environment resource, if it exists
 * @param job the job, if it exists
 */
record ObservedState(Optional<CdeResource> filesResource, Optional<CdeResource> pythonEnv, Optional<CdeJob> job) {
    ObservedState {
        Objects.requireNonNull(filesResource, "filesResource");
        Objects.requireNonNull(pythonEnv, "pythonEnv");
        Objects.requireNonNull(job, "job");
    }
}
