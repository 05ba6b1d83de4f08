package dev.meshprov.core.cde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the previous provisioning recorded in {@code info.privateInfo}, read leniently: anything missing or of the
 * wrong shape is simply not known.
 *
 * @param filesResource the files resource used
 * @param pythonEnvResource the Python environment resource used
 * @param artifacts the artifacts uploaded and their checksums
 */
public record RecordedState(
        Optional<String> filesResource, Optional<String> pythonEnvResource, List<RecordedArtifact> artifacts) {

    public RecordedState {
        Objects.requireNonNull(filesResource, "filesResource");
        Objects.requireNonNull(pythonEnvResource, "pythonEnvResource");
        artifacts = List.copyOf(artifacts);
    }

    /** Nothing recorded. */
    public static RecordedState none() {
        return new RecordedState(Optional.empty(), Optional.empty(), List.of());
    }

    /** Reads {@code privateInfo} as written by {@link CdeInfo}; unknown or malformed parts are ignored. */
    public static RecordedState from(JsonNode privateInfo) {
        List<RecordedArtifact> artifacts = new ArrayList<>();
        for (JsonNode entry : privateInfo.path(CdeInfo.ARTIFACTS)) {
            Optional<String> resource = Descriptors.text(entry, "resource");
            Optional<String> file = Descriptors.text(entry, "file");
            Optional<String> source = Descriptors.text(entry, "source");
            Optional<String> etag = Descriptors.text(entry, "etag");
            JsonNode size = entry.path("size");
            if (resource.isPresent()
                    && file.isPresent()
                    && source.isPresent()
                    && etag.isPresent()
                    && size.canConvertToLong()) {
                artifacts.add(
                        new RecordedArtifact(resource.get(), file.get(), source.get(), etag.get(), size.longValue()));
            }
        }
        return new RecordedState(
                Descriptors.text(privateInfo, CdeInfo.FILES_RESOURCE),
                Descriptors.text(privateInfo, CdeInfo.PYTHON_ENV_RESOURCE),
                artifacts);
    }

    /** What was recorded for {@code file} in {@code resource}. */
    public Optional<RecordedArtifact> artifact(String resource, String file) {
        return artifacts.stream()
                .filter(a -> a.resource().equals(resource) && a.file().equals(file))
                .findFirst();
    }

    /**
     * One uploaded artifact.
     *
     * @param resource the resource it was uploaded to
     * @param file its name in the resource
     * @param source the S3 URI it was read from
     * @param etag the S3 ETag it had
     * @param size its size in bytes
     */
    public record RecordedArtifact(String resource, String file, String source, String etag, long size) {
        public RecordedArtifact {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(etag, "etag");
        }
    }
}
