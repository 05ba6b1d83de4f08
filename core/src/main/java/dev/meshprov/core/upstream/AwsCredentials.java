package dev.meshprov.core.upstream;

import dev.meshprov.core.model.UpstreamFailure;
import java.util.Set;

/**
 * How the adapters that call S3 tell meshprov's credentials being missing or refused from other failures, and say
 * so in one line. Pure text: the AWS SDK's credential chain reports "no credentials" as an exception whose message
 * starts with {@value #CHAIN_FAILURE} followed by a dump of every provider tried (some 1,500 characters), which
 * belongs in a DEBUG log, never in an answer.
 */
public final class AwsCredentials {

    /** How the SDK's credential providers begin the message when none of them found credentials. */
    static final String CHAIN_FAILURE = "Unable to load credentials";

    /** S3 error codes that mean the credentials themselves were refused, not a missing permission. */
    private static final Set<String> REFUSED = Set.of(
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "InvalidToken",
            "TokenRefreshRequired",
            "InvalidClientTokenId",
            "AuthorizationHeaderMalformed");

    private AwsCredentials() {}

    /** Whether {@code error} or one of its causes is the SDK saying that no provider of its chain found credentials. */
    public static boolean missing(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            String message = current.getMessage();
            if (message != null && message.startsWith(CHAIN_FAILURE)) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }

    /**
     * What is wrong and how to fix it, in one line, for credentials configured under {@code configPrefix} (e.g.
     * {@code mwaa.s3}): the environment variables, the configuration keys, or an instance role.
     */
    public static String missingDetail(String configPrefix) {
        return "no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or " + configPrefix
                + ".accessKeyId/" + configPrefix + ".secretAccessKey, or run with an instance role";
    }

    /**
     * S3 answers a HEAD with a bare status: a 403 then does not say whether the key or a permission is at fault.
     */
    static final String NO_REASON =
            "(S3 gives no reason: the credentials lack s3:GetObject and s3:ListBucket there, or S3 refuses them)";

    /** Whether the S3 error {@code code} means the credentials were refused (as opposed to lacking a permission). */
    public static boolean refused(String code) {
        return code != null && REFUSED.contains(code);
    }

    /**
     * The failure of an S3 call answered 401 or 403 ({@code status}) with the error {@code code} ({@code null} when
     * the answer had no body, as a HEAD's has not): unauthorised when the credentials were refused (401, or a code that
     * says so), else forbidden (a missing permission), saying that S3 gave no reason when it gave no code.
     */
    public static UpstreamFailure.Unauthorized refusal(
            String system, String operation, int status, String code, String detail) {
        if (status == 401 || refused(code)) {
            return new UpstreamFailure.Unauthorized(system, operation, detail);
        }
        return UpstreamFailure.Unauthorized.forbidden(
                system, operation, code == null ? detail + " " + NO_REASON : detail);
    }
}
