package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.UpstreamFailure;

/** What to do about a failed store call, as the solution of a problem. */
final class StoreAdvice {

    private StoreAdvice() {}

    static String forFailure(UpstreamFailure failure, String location) {
        if (failure instanceof UpstreamFailure.Unauthorized) {
            return "Grant meshprov's identity read access to " + location + " (for S3: s3:GetObject, and"
                    + " s3:ListBucket on the bucket, without which S3 answers 403 for a missing object too).";
        }
        if (failure instanceof UpstreamFailure.NotFound) {
            return "Check that the bucket or folder of " + location + " exists and is the one configured.";
        }
        if (failure.retryable()) {
            return "Check that meshprov can reach the store (endpoint, network, proxy) and try again.";
        }
        return "Check the store's answer above and the mwaa configuration, then try again.";
    }
}
