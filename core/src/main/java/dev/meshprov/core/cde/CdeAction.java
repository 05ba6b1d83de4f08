package dev.meshprov.core.cde;

import java.util.List;
import java.util.Objects;

/** One write provisioning makes to the jobs API, in the order of a {@link Reconciliation}. */
sealed interface CdeAction {

    /** Create a resource. */
    record CreateResource(ResourceDefinition definition) implements CdeAction {
        public CreateResource {
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** Delete a resource and create it again with other settings (Python environments cannot be changed). */
    record RecreateResource(ResourceDefinition definition) implements CdeAction {
        public RecreateResource {
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** Stream an artifact into a resource. */
    record UploadFile(DesiredFile file) implements CdeAction {
        public UploadFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** Delete a file no longer referenced. */
    record DeleteFile(String resource, String name) implements CdeAction {
        public DeleteFile {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Delete a resource no longer used. */
    record DeleteResource(String name) implements CdeAction {
        public DeleteResource {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Create the job. */
    record CreateJob(CdeJob job) implements CdeAction {
        public CreateJob {
            Objects.requireNonNull(job, "job");
        }
    }

    /** Update the job, which differs in {@code differences}. */
    record UpdateJob(CdeJob job, List<String> differences) implements CdeAction {
        public UpdateJob {
            Objects.requireNonNull(job, "job");
            differences = List.copyOf(differences);
        }
    }
}
