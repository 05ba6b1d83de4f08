package dev.meshprov.core.cde;

import java.util.Optional;

/**
 * Whether a file in a resource already has the content of its artifact — correct whichever way CDE reports files:
 * with or without a size, with an MD5 signature, with a signature of another algorithm, with none, or without
 * listing the files at all. Two facts decide: what CDE lists now, and what the previous provisioning recorded it
 * uploaded (the artifact's URI, ETag and size, and the signature CDE listed for it then).
 *
 * <ul>
 *   <li>a size that differs from the artifact's means changed;
 *   <li>when meshprov recorded uploading exactly this artifact version: unchanged, unless CDE now lists a signature
 *       that differs from the one it listed then (someone replaced the file), or — nothing recorded to compare with
 *       — an MD5 signature that differs from the artifact's MD5 ETag;
 *   <li>otherwise (a new artifact version, or nothing recorded): unchanged only when CDE lists an MD5 signature equal
 *       to the artifact's MD5 ETag; an unknown signature cannot prove it, so the file is uploaded once and recorded.
 * </ul>
 */
final class FileComparison {

    private FileComparison() {}

    /** Whether {@code have}, as listed, holds the content of {@code file}'s artifact. */
    static boolean unchanged(DesiredFile file, ResourceFile have, RecordedState recorded) {
        ArtifactObject source = file.source();
        if (have.sizeKnown() && have.size() != source.size()) {
            return false;
        }
        Optional<String> md5 = have.md5Signature().filter(s -> source.etagIsMd5());
        Optional<RecordedState.RecordedArtifact> uploaded = uploadedAsRecorded(file, recorded);
        if (uploaded.isEmpty()) {
            return md5.isPresent() && md5.get().equalsIgnoreCase(source.etag());
        }
        Optional<String> then = uploaded.get().cdeSignature();
        if (then.isPresent() && have.signature().isPresent()) {
            return then.get().equalsIgnoreCase(have.signature().get());
        }
        return md5.map(m -> m.equalsIgnoreCase(source.etag())).orElse(true);
    }

    /**
     * Whether the file holds the artifact when CDE did not list the resource's files: only the record can tell
     * (a file changed in CDE behind meshprov's back cannot be seen then).
     */
    static boolean unchangedUnlisted(DesiredFile file, RecordedState recorded) {
        return uploadedAsRecorded(file, recorded).isPresent();
    }

    private static Optional<RecordedState.RecordedArtifact> uploadedAsRecorded(
            DesiredFile file, RecordedState recorded) {
        return recorded.artifact(file.resource(), file.name()).filter(r -> r.isOf(file.source()));
    }
}
