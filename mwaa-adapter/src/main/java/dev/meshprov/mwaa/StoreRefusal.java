package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;

/** A call of the folder store refused before (or instead of) touching the disk, carrying the failure to report. */
final class StoreRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient UpstreamFailure failure;

    StoreRefusal(UpstreamFailure failure) {
        super(failure.describe(), null, false, false);
        this.failure = failure;
    }

    UpstreamFailure failure() {
        return failure;
    }
}
