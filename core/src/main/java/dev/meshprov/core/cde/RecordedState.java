package dev.meshprov.core.cde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the previous provisioning recorded in {@code info.privateInfo}, read leniently: anything missing or of the
 * wrong shape is simply not known.
 *
 * @param filesResource the files resource used
 * @param pythonEnvResource the Python environment resource used
 * @param artifacts the artifacts uploaded and their checksums
 * @param confKeys the Spark configuration keys meshprov set on the job (so that a key removed from the descriptor
 *     is removed from the job, while keys CDE adds itself are left alone)
 */
public record RecordedState(
        Optional<String> filesResource,
        Optional<String> pythonEnvResource,
        List<RecordedArtifact> artifacts,
        Set<String> confKeys) {

    public RecordedState {
        Objects.requireNonNull(filesResource, "filesResource");
        Objects.requireNonNull(pythonEnvResource, "pythonEnvResource");
        artifacts = List.copyOf(artifacts);
        confKeys = Set.copyOf(confKeys);
    }

    /** A record without configuration keys. */
    public RecordedState(
            Optional<String> filesResource, Optional<String> pythonEnvResource, List<RecordedArtifact> artifacts) {
        this(filesResource, pythonEnvResource, artifacts, Set.of());
    }

    /** Nothing recorded. */
    public static RecordedState none() {
        return new RecordedState(Optional.empty(), Optional.empty(), List.of(), Set.of());
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
                artifacts.add(new RecordedArtifact(
                        resource.get(),
                        file.get(),
                        source.get(),
                        etag.get(),
                        size.longValue(),
                        Descriptors.text(entry, CdeInfo.CDE_SIGNATURE)));
            }
        }
        Set<String> confKeys = new LinkedHashSet<>();
        privateInfo.path(CdeInfo.CONF_KEYS).forEach(key -> {
            if (key.isTextual()) {
                confKeys.add(key.asText());
            }
        });
        return new RecordedState(
                Descriptors.text(privateInfo, CdeInfo.FILES_RESOURCE),
                Descriptors.text(privateInfo, CdeInfo.PYTHON_ENV_RESOURCE),
                artifacts,
                confKeys);
    }

    /** What was recorded for {@code file} in {@code resource}. */
    public Optional<RecordedArtifact> artifact(String resource, String file) {
        return artifacts.stream()
                .filter(a -> a.resource().equals(resource) && a.file().equals(file))
                .findFirst();
    }

    /** The files recorded as uploaded to {@code resource}. */
    public List<RecordedArtifact> artifactsIn(String resource) {
        return artifacts.stream().filter(a -> a.resource().equals(resource)).toList();
    }

    /**
     * One uploaded artifact.
     *
     * @param resource the resource it was uploaded to
     * @param file its name in the resource
     * @param source the S3 URI it was read from
     * @param etag the S3 ETag it had
     * @param size its size in bytes
     * @param cdeSignature the signature CDE listed for the file after meshprov uploaded it (or saw it unchanged),
     *     whatever algorithm CDE uses; empty when CDE listed none
     */
    public record RecordedArtifact(
            String resource, String file, String source, String etag, long size, Optional<String> cdeSignature) {
        public RecordedArtifact {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(cdeSignature, "cdeSignature");
        }

        /** An artifact recorded without a CDE signature. */
        public RecordedArtifact(String resource, String file, String source, String etag, long size) {
            this(resource, file, source, etag, size, Optional.empty());
        }

        /** Whether this record is of uploading exactly {@code object} (same URI, ETag and size). */
        public boolean isOf(ArtifactObject object) {
            return source.equals(object.uri().uri()) && etag.equals(object.etag()) && size == object.size();
        }
    }
}
