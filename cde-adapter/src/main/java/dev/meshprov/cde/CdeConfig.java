package dev.meshprov.cde;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code cde} configuration section (without the generic {@code enabled} and {@code mode} keys). Every
 * component may be absent ({@code null}); defaults are applied and checked by the provider.
 *
 * @param cdp the CDP control plane: endpoint or region, and the API key
 * @param workload the CDP workload user for the jobs API (Knox token)
 * @param aws S3 access for the artifacts
 * @param jobNamePolicy {@code derived} (default: the name derived from the component id) or {@code free}
 * @param defaults Spark settings for jobs that leave them out
 * @param allowPython2 whether {@code pythonVersion: python2} is accepted (default false)
 * @param runOnProvision whether provisioning runs the job once (default false)
 * @param tokenUrl the Knox token URL, with {@code {clusterFqdn}} for the service host
 * @param discoveryCacheTtl how long service and virtual cluster lookups are reused (default 30s; 0s disables)
 * @param timeouts connect, read and upload timeouts
 * @param retries attempts and backoff of safe calls
 */
public record CdeConfig(
        Cdp cdp,
        Workload workload,
        Aws aws,
        String jobNamePolicy,
        Defaults defaults,
        Boolean allowPython2,
        Boolean runOnProvision,
        String tokenUrl,
        Duration discoveryCacheTtl,
        Timeouts timeouts,
        Retries retries) {

    /**
     * The CDP control plane.
     *
     * @param endpoint the API base URL; default {@code https://api.<region>.cdp.cloudera.com}, for {@code usg-1}
     *     {@code https://api.usg-1.cdp.clouderagovt.com}; a {@code %s} in it is replaced by {@code api}
     * @param region the CDP region when no endpoint is given (default {@code us-west-1})
     * @param accessKeyId the API access key id
     * @param privateKey the API private key as CDP issues it: Ed25519 (base64), or a PEM (PKCS#8) RSA or ECDSA key
     */
    public record Cdp(String endpoint, String region, String accessKeyId, String privateKey) {
        @Override
        public String toString() {
            return "Cdp[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId + ", privateKey="
                    + mask(privateKey) + "]";
        }
    }

    /**
     * The CDP workload user the jobs API tokens are issued to.
     *
     * @param user the workload user name
     * @param password the workload password
     */
    public record Workload(String user, String password) {
        @Override
        public String toString() {
            return "Workload[user=" + user + ", password=" + mask(password) + "]";
        }
    }

    /**
     * S3 access for the artifacts; credentials come from the AWS default chain unless given.
     *
     * @param region the AWS region of the artifact buckets
     * @param endpoint an endpoint override (S3-compatible stores, tests)
     * @param pathStyleAccess path-style bucket addressing (default false)
     * @param accessKeyId a static access key id (optional)
     * @param secretAccessKey its secret (optional)
     */
    public record Aws(
            String region, String endpoint, Boolean pathStyleAccess, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "Aws[region=" + region + ", endpoint=" + endpoint + ", pathStyleAccess=" + pathStyleAccess
                    + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + mask(secretAccessKey) + "]";
        }
    }

    /**
     * Spark settings applied when a descriptor leaves them out.
     *
     * @param driverCores default 1
     * @param driverMemory default 1g
     * @param executorCores default 1
     * @param executorMemory default 1g
     * @param numExecutors default 1
     * @param logLevel default INFO
     * @param conf Spark configuration every job gets
     */
    public record Defaults(
            Integer driverCores,
            String driverMemory,
            Integer executorCores,
            String executorMemory,
            Integer numExecutors,
            String logLevel,
            Map<String, String> conf) {}

    /**
     * Timeouts of upstream calls.
     *
     * @param connect establishing a connection (default 10s)
     * @param read waiting for an answer (default 30s)
     * @param upload one artifact upload or download as a whole (default 30m)
     */
    public record Timeouts(Duration connect, Duration read, Duration upload) {}

    /**
     * Retries of calls that are safe to repeat (reads, deletes, updates; never a create).
     *
     * @param maxAttempts attempts in all, including the first (default 3)
     * @param initialBackoff the first wait (default 200ms), doubled each time, with jitter
     * @param maxBackoff the longest wait (default 5s), also the cap of a 429's Retry-After
     */
    public record Retries(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {}

    private static String mask(String secret) {
        return secret == null ? "null" : "***";
    }
}
