package dev.meshprov.core.mwaa;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key formulas, compatible with the incumbent provisioner and the public Airflow template's CI:
 *
 * <ul>
 *   <li>staging: {@code slash(sourcePath) + prefix + "." + dagName}
 *   <li>DAG: {@code slash(destinationPath) + san(prefix) + "_" + san(stem(dagName)) + ".py"}
 *   <li>descriptor: {@code slash(destinationPath) + san(prefix) + "_descriptor.yaml"}
 *   <li>pre-2025 (dotted) DAG: {@code slash(destinationPath) + prefix + "." + dagName}
 * </ul>
 *
 * where {@code slash} adds a trailing {@code /} when missing and {@code san} replaces every character outside
 * {@code [a-zA-Z0-9_]} with {@code _} (Airflow's {@code @task.virtualenv} breaks on dots and hyphens in module
 * names). The DAG id is the DAG file's stem.
 */
public final class DagNaming {

    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^a-zA-Z0-9_]");
    private static final String PY = ".py";

    private DagNaming() {}

    /** {@code path} with a trailing {@code /}. */
    public static String slash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    /** Every character outside {@code [a-zA-Z0-9_]} replaced with {@code _}. Not injective. */
    public static String sanitize(String text) {
        return NOT_IDENTIFIER.matcher(text).replaceAll("_");
    }

    /** The DAG file name without its {@code .py} extension. */
    public static String stem(String dagName) {
        return dagName.endsWith(PY) ? dagName.substring(0, dagName.length() - PY.length()) : dagName;
    }

    /** Where the component's CI uploads the DAG. */
    public static String stagingKey(String sourcePath, DataProductPrefix prefix, String dagName) {
        return slash(sourcePath) + prefix.dotted() + "." + dagName;
    }

    /** The DAG id Airflow shows: the deployed file's stem. */
    public static String dagId(DataProductPrefix prefix, String dagName) {
        return prefix.sanitized() + "_" + sanitize(stem(dagName));
    }

    /** Where the DAG is deployed. */
    public static String dagKey(String destinationPath, DataProductPrefix prefix, String dagName) {
        return slash(destinationPath) + dagId(prefix, dagName) + PY;
    }

    /** The data product descriptor file the DAGs of one data product and major version read. */
    public static String descriptorKey(String destinationPath, DataProductPrefix prefix) {
        return slash(destinationPath) + prefix.sanitized() + "_descriptor.yaml";
    }

    /** Where the incumbent deployed the DAG before it sanitised names (July 2025). */
    public static String legacyDagKey(String destinationPath, DataProductPrefix prefix, String dagName) {
        return slash(destinationPath) + prefix.dotted() + "." + dagName;
    }

    /** The key prefix shared by the sanitised DAG files of one data product and major version. */
    public static String dagKeyPrefix(String destinationPath, DataProductPrefix prefix) {
        return slash(destinationPath) + prefix.sanitized() + "_";
    }

    /** The key prefix shared by the pre-2025 dotted DAG files of one data product and major version. */
    public static String legacyDagKeyPrefix(String destinationPath, DataProductPrefix prefix) {
        return slash(destinationPath) + prefix.dotted() + ".";
    }

    /** Builds every key of one DAG; {@code sourcePath} may be null when the staging key is not needed. */
    public static DagKeys keys(
            String bucket, String sourcePath, String destinationPath, DataProductPrefix prefix, String dagName) {
        return new DagKeys(
                bucket,
                sourcePath == null ? Optional.empty() : Optional.of(stagingKey(sourcePath, prefix, dagName)),
                dagKey(destinationPath, prefix, dagName),
                descriptorKey(destinationPath, prefix),
                legacyDagKey(destinationPath, prefix, dagName),
                dagId(prefix, dagName),
                slash(destinationPath));
    }
}
