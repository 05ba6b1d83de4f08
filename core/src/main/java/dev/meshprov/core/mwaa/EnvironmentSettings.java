package dev.meshprov.core.mwaa;

import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one environment ({@code mwaa.environments.<env>}); each value present overrides the
 * descriptor's.
 *
 * @param bucket the bucket of the environment's Airflow, instead of {@code specific.bucketName}
 * @param sourcePath the staging prefix, instead of {@code specific.sourcePath}
 * @param destinationPath the DAG folder, instead of {@code specific.destinationPath}
 * @param airflowUiUrl the Airflow web UI, for links to the DAG (without trailing slash)
 */
public record EnvironmentSettings(
        Optional<String> bucket,
        Optional<String> sourcePath,
        Optional<String> destinationPath,
        Optional<String> airflowUiUrl) {

    public EnvironmentSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(destinationPath, "destinationPath");
        airflowUiUrl = airflowUiUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** No overrides. */
    public static EnvironmentSettings none() {
        return new EnvironmentSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
