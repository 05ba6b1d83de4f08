package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signatures CDE lists for the job's files after provisioning, recorded in {@code privateInfo} so that the next
 * run recognises its own uploads whatever algorithm CDE signs with: taken from the listing read before the writes
 * for files left alone, and from one more listing of each resource that received uploads. Best effort: a failed
 * re-read only means nothing is recorded for those files (logged), never a failed provisioning.
 */
final class ListedSignatures {

    private final CdeGateway cde;

    ListedSignatures(CdeGateway cde) {
        this.cde = cde;
    }

    /** {@code resource/file} to the signature CDE lists for it. */
    Map<String, String> after(VcEndpoint vc, ObservedState observed, List<CdeAction> actions, OperationLog log) {
        Map<String, String> signatures = new LinkedHashMap<>();
        Set<String> uploadedTo = new LinkedHashSet<>();
        for (CdeAction action : actions) {
            if (action instanceof CdeAction.UploadFile upload) {
                uploadedTo.add(upload.file().resource());
            } else if (action instanceof CdeAction.RecreateResource recreate) {
                uploadedTo.add(recreate.definition().name());
            }
        }
        observed.filesResource().ifPresent(r -> collect(r, uploadedTo, signatures));
        observed.pythonEnv().ifPresent(r -> collect(r, uploadedTo, signatures));
        for (String resource : uploadedTo) {
            Either<UpstreamFailure, Optional<CdeResource>> listed = cde.getResource(vc, resource);
            if (listed.isLeft()) {
                log.warning(
                        "files",
                        "Could not list resource " + resource + " after the uploads, so no CDE signature is recorded"
                                + " for its files: " + listed.getLeft().describe());
            } else {
                listed.get().ifPresent(r -> collect(r, Set.of(), signatures));
            }
        }
        return signatures;
    }

    private static void collect(CdeResource resource, Set<String> skip, Map<String, String> signatures) {
        if (skip.contains(resource.name())) {
            return;
        }
        resource.files().forEach(file -> file.signature()
                .ifPresent(signature -> signatures.put(resource.name() + "/" + file.path(), signature)));
    }
}
