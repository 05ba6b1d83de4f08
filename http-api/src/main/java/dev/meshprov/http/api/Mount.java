package dev.meshprov.http.api;

import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.service.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the contract's paths are served: at the root ({@code /v1/...}, routed by the component's template ids) and
 * under one prefix per technology of the provisioner ({@code /<name>/v1/...}, which forces that technology).
 *
 * @param prefix {@code ""} for the root, else {@code /<technology>}, each possibly under {@code server.basePath}
 * @param target how requests arriving here choose their technology
 */
record Mount(String prefix, Target target) {

    /**
     * The root and one prefix per technology, enabled or not (a disabled one answers 400 saying how to enable it);
     * with a {@code basePath} (e.g. {@code /platform/meshprov}) each of them again under it, for a reverse proxy that
     * forwards the path as published.
     */
    static List<Mount> of(Provisioner provisioner, String basePath) {
        List<Mount> mounts = new ArrayList<>();
        for (String base : basePath.isEmpty() ? List.of("") : List.of("", basePath)) {
            mounts.add(new Mount(base, Target.auto()));
            for (Registration registration : provisioner.technologies()) {
                mounts.add(new Mount(base + "/" + registration.name(), Target.technology(registration.name())));
            }
        }
        return List.copyOf(mounts);
    }

    /** A contract path under this mount. */
    String path(String contractPath) {
        return prefix + contractPath;
    }
}
