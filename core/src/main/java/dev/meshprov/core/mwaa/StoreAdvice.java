package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.UpstreamFailure;

/** What to do about a failed store call, as the solution of a problem: one fix per kind of failure. */
final class StoreAdvice {

    private StoreAdvice() {}

    static String forFailure(UpstreamFailure failure, String location) {
        if (failure instanceof UpstreamFailure.Unauthorized unauthorized) {
            return unauthorized.forbidden()
                    ? "Grant meshprov's identity read access to " + location + " (for S3: s3:GetObject, and"
                            + " s3:ListBucket on the bucket, without which S3 answers 403 for a missing object too)."
                    : "Give meshprov credentials that the store accepts, as the line above says, then run again.";
        }
        if (failure instanceof UpstreamFailure.NotFound) {
            return "Check that the bucket or folder of " + location + " exists and is the one configured.";
        }
        if (failure instanceof UpstreamFailure.TimedOut) {
            return "Check that the store answers, or raise mwaa.s3.callTimeout (and mwaa.s3.connectTimeout), then"
                    + " run again.";
        }
        if (failure.retryable()) {
            return "Check that meshprov can reach the store (mwaa.s3.endpoint and mwaa.s3.region, the network, a"
                    + " proxy), or wait until it is available, then run again.";
        }
        return "Check the store's answer above and the mwaa configuration, then try again.";
    }
}
