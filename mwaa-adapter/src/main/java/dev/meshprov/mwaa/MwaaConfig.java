package dev.meshprov.mwaa;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code mwaa} configuration section (the generic {@code enabled} and {@code mode} keys are handled by the
 * composition root). Every key is optional; with no section at all the technology writes to a local folder
 * ({@code ./airflow}, staging in {@code staging/}, DAGs in {@code dags/}).
 *
 * <pre>
 * mwaa:
 *   store: s3                     # s3 | filesystem; default: s3 when an s3 section is given, else filesystem
 *   s3:
 *     region: eu-west-1           # required for s3
 *     endpoint: https://minio:9000  # for S3-compatible stores; default: AWS
 *     pathStyle: false            # path-style addressing (MinIO and most S3-compatible stores need true)
 *     connectTimeout: 5s
 *     callTimeout: 60s            # per call, retries included
 *     maxAttempts: 3
 *     accessKeyId: ${AWS_KEY_ID}  # static credentials, both or neither; default: the AWS default chain
 *     secretAccessKey: ${AWS_SECRET}
 *   filesystem:
 *     root: ./airflow             # resolved against the working directory
 *     bucketFolders: false        # true: each bucket is a sub-folder of root; false: buckets are ignored
 *   allowedBuckets: [finance-mwaa-dev]   # buckets a descriptor may name; empty: only those in environments
 *   environments:                 # per dataProduct.environment ("*" for every other one); each value overrides
 *     development:                #   the descriptor's
 *       bucket: finance-mwaa-dev
 *       sourcePath: source/
 *       destinationPath: dags/
 *       airflowUiUrl: https://abc.c1.eu-west-1.airflow.amazonaws.com
 *   legacyDottedNames:
 *     cleanup: true               # delete the pre-2025 dotted DAG file of a DAG being provisioned
 * </pre>
 *
 * Credentials for S3 come from the AWS default chain (environment, system properties, web identity / IRSA, profile,
 * container and instance roles), unless {@code s3.accessKeyId} and {@code s3.secretAccessKey} are set.
 *
 * @param store where DAGs live
 * @param s3 the S3 client settings
 * @param filesystem the folder settings
 * @param allowedBuckets buckets a descriptor may name
 * @param environments per-environment overrides of the descriptor
 * @param legacyDottedNames what to do with DAG files under their pre-2025 dotted names
 */
public record MwaaConfig(
        Store store,
        S3 s3,
        Filesystem filesystem,
        List<String> allowedBuckets,
        Map<String, Environment> environments,
        LegacyDottedNames legacyDottedNames) {

    /** The default folder of the filesystem store, relative to the working directory. */
    public static final String DEFAULT_ROOT = "./airflow";

    /** The default connect timeout of the S3 client. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The default time one S3 call may take, retries included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** The default number of attempts of one S3 call. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Where DAGs live. */
    public enum Store {
        /** An S3 bucket (Amazon MWAA or an S3-compatible store). */
        @JsonProperty("s3")
        S3,
        /** A local folder (self-managed Airflow). */
        @JsonProperty("filesystem")
        FILESYSTEM
    }

    /**
     * The S3 client.
     *
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @param endpoint an endpoint override for S3-compatible stores
     * @param pathStyle whether to use path-style addressing
     * @param connectTimeout how long to wait for a connection
     * @param callTimeout how long one call may take, retries included
     * @param maxAttempts attempts per call, the first included
     * @param accessKeyId a static access key id, with {@code secretAccessKey}; default: the AWS default chain
     * @param secretAccessKey its secret (write {@code ${VARIABLE}})
     */
    public record S3(
            String region,
            String endpoint,
            Boolean pathStyle,
            Duration connectTimeout,
            Duration callTimeout,
            Integer maxAttempts,
            String accessKeyId,
            String secretAccessKey) {

        @Override
        public String toString() {
            return "S3[region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle + ", connectTimeout="
                    + connectTimeout + ", callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts
                    + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
                    + (secretAccessKey == null ? null : "***") + "]";
        }
    }

    /**
     * The local folder.
     *
     * @param root the folder, relative to the working directory or absolute
     * @param bucketFolders whether each bucket is a sub-folder of root (else buckets are ignored)
     */
    public record Filesystem(String root, Boolean bucketFolders) {}

    /**
     * One environment's overrides.
     *
     * @param bucket the bucket, instead of {@code specific.bucketName}
     * @param sourcePath the staging prefix, instead of {@code specific.sourcePath}
     * @param destinationPath the DAG folder, instead of {@code specific.destinationPath}
     * @param airflowUiUrl the Airflow web UI, for links to each DAG
     */
    public record Environment(String bucket, String sourcePath, String destinationPath, String airflowUiUrl) {}

    /**
     * DAG files deployed before names were sanitised (July 2025).
     *
     * @param cleanup whether provisioning deletes the dotted file of the DAG it deploys (default true)
     */
    public record LegacyDottedNames(Boolean cleanup) {}
}
