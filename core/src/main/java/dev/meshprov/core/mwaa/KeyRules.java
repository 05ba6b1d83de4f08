package dev.meshprov.core.mwaa;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security and sanity rules of names and keys. Each check returns why a value is wrong (to follow the field's
 * name in a message), or empty when it is fine.
 */
final class KeyRules {

    /** Files of an MWAA environment that a DAG deployment must never overwrite or delete. */
    static final Set<String> RESERVED_FILE_NAMES = Set.of("requirements.txt", "plugins.zip", ".airflowignore");

    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IP_ADDRESS = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");

    private KeyRules() {}

    /** A key prefix such as {@code dags/}: relative, {@code /}-separated, no {@code .} or {@code ..} segments. */
    static Optional<String> prefixPathProblem(String path) {
        if (path.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (hasControlCharacter(path)) {
            return Optional.of("must not contain control characters");
        }
        if (path.startsWith("/")) {
            return Optional.of(
                    "is '" + path + "', an absolute path; it must be relative to the bucket (no leading '/')");
        }
        if (path.contains("\\")) {
            return Optional.of("is '" + path + "', which contains '\\'; separate folders with '/'");
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("is '" + path + "', which contains '..'; it must not leave its folder");
            }
            if (segment.equals(".")) {
                return Optional.of("is '" + path + "', which contains a '.' folder; write the path without it");
            }
            if (segment.isEmpty()) {
                return Optional.of("is '" + path + "', which contains an empty folder name ('//')");
            }
        }
        return Optional.empty();
    }

    /** A DAG file name: a plain file name ending in {@code .py}. */
    static Optional<String> dagNameProblem(String dagName) {
        if (hasControlCharacter(dagName)) {
            return Optional.of("must not contain control characters");
        }
        if (dagName.contains("/") || dagName.contains("\\")) {
            return Optional.of("is '" + dagName + "', which contains a folder; it must be a plain file name such as"
                    + " my_dag.py (sub-folders are not supported)");
        }
        if (dagName.contains("..")) {
            return Optional.of("is '" + dagName + "', which contains '..'");
        }
        if (!dagName.endsWith(".py")) {
            return Optional.of("is '" + dagName + "', which does not end in .py; Airflow only loads .py files from"
                    + " its DAG folder");
        }
        if (DagNaming.stem(dagName).isEmpty()) {
            return Optional.of("is '" + dagName + "', which has no name before .py");
        }
        return Optional.empty();
    }

    /** An S3 bucket name (general purpose bucket naming rules). */
    static Optional<String> bucketProblem(String bucket) {
        if (!BUCKET.matcher(bucket).matches()
                || bucket.contains("..")
                || IP_ADDRESS.matcher(bucket).matches()) {
            return Optional.of("is '" + bucket + "', which is not a valid S3 bucket name (3 to 63 lower-case letters,"
                    + " digits, '.' and '-', starting and ending with a letter or digit)");
        }
        return Optional.empty();
    }

    /** Whether a key would land on (or inside) one of the environment's own files. */
    static Optional<String> reservedKeyProblem(String key) {
        for (String segment : key.split("/", -1)) {
            if (RESERVED_FILE_NAMES.contains(segment)) {
                return Optional.of(
                        "would make meshprov write or delete '" + key + "', on the environment's own " + segment);
            }
        }
        return Optional.empty();
    }

    /** Whether staged files would sit inside the DAG folder, where Airflow would load them as a second DAG. */
    static Optional<String> stagingInsideDagFolder(String sourcePath, String destinationPath) {
        String staging = DagNaming.slash(sourcePath);
        String dags = DagNaming.slash(destinationPath);
        if (staging.startsWith(dags)) {
            return Optional.of("is '" + sourcePath + "', inside the DAG folder '" + destinationPath
                    + "': Airflow would load every staged file as a second DAG");
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
