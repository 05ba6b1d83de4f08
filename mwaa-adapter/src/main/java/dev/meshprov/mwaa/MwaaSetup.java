package dev.meshprov.mwaa;

import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.mwaa.EnvironmentSettings;
import dev.meshprov.core.mwaa.MwaaSettings;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checked configuration: which store, its settings and the technology's rules. Every problem names its key.
 *
 * @param store the store kind
 * @param settings the rules the core applies
 * @param s3 the S3 client settings, for the S3 store
 * @param folder the folder settings, for the filesystem store
 */
record MwaaSetup(
        MwaaConfig.Store store, MwaaSettings settings, Optional<S3Settings> s3, Optional<FolderSettings> folder) {

    /**
     * The S3 client, with defaults applied.
     *
     * @param region the region
     * @param endpoint the endpoint override, if any
     * @param pathStyle whether to use path-style addressing
     * @param connectTimeout the connect timeout
     * @param callTimeout the time one call may take, retries included
     * @param maxAttempts attempts per call
     * @param staticKey the configured access key, else the AWS default chain
     */
    record S3Settings(
            String region,
            Optional<URI> endpoint,
            boolean pathStyle,
            Duration connectTimeout,
            Duration callTimeout,
            int maxAttempts,
            Optional<StaticKey> staticKey) {

        /** Settings with the AWS default credentials chain. */
        S3Settings(
                String region,
                Optional<URI> endpoint,
                boolean pathStyle,
                Duration connectTimeout,
                Duration callTimeout,
                int maxAttempts) {
            this(region, endpoint, pathStyle, connectTimeout, callTimeout, maxAttempts, Optional.empty());
        }
    }

    /**
     * Static S3 credentials from the configuration.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey its secret
     */
    record StaticKey(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "StaticKey[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }

    /**
     * The folder, resolved.
     *
     * @param root the absolute root folder
     * @param bucketFolders whether buckets are sub-folders
     */
    record FolderSettings(Path root, boolean bucketFolders) {}

    static Validation<Seq<Problem>, MwaaSetup> from(MwaaConfig config, ConfigSection section, Path workingDirectory) {
        List<Problem> problems = new ArrayList<>();
        MwaaConfig.Store store = store(config, section, problems);
        MwaaSettings settings = settings(config, store, section, problems);
        Optional<S3Settings> s3 = Optional.empty();
        Optional<FolderSettings> folder = Optional.empty();
        if (store == MwaaConfig.Store.S3) {
            s3 = s3(
                    config.s3() == null
                            ? new MwaaConfig.S3(null, null, null, null, null, null, null, null)
                            : config.s3(),
                    section,
                    problems);
            if (settings.knownBuckets().isEmpty()) {
                problems.add(Problem.of(
                        section.key("allowedBuckets"),
                        "is empty and no environment names a bucket, so the S3 store could never deploy a DAG",
                        "List the buckets descriptors may name in " + section.key("allowedBuckets") + ", or set "
                                + section.key("environments")
                                + ".<environment>.bucket (\"*\" for every environment)."));
            }
        } else {
            folder = folder(config.filesystem(), section, workingDirectory, problems);
        }
        MwaaSetup setup = new MwaaSetup(store, settings, s3, folder);
        return Validations.fromProblems(problems, () -> setup);
    }

    private static MwaaConfig.Store store(MwaaConfig config, ConfigSection section, List<Problem> problems) {
        if (config.store() == null) {
            return config.s3() != null ? MwaaConfig.Store.S3 : MwaaConfig.Store.FILESYSTEM;
        }
        if (config.store() == MwaaConfig.Store.FILESYSTEM && config.s3() != null) {
            problems.add(Problem.of(
                    section.key("s3"),
                    "is set, but " + section.key("store") + " is filesystem, which does not use it",
                    "Remove " + section.key("s3") + ", or set " + section.key("store") + " to s3."));
        }
        if (config.store() == MwaaConfig.Store.S3 && config.filesystem() != null) {
            problems.add(Problem.of(
                    section.key("filesystem"),
                    "is set, but " + section.key("store") + " is s3, which does not use it",
                    "Remove " + section.key("filesystem") + ", or set " + section.key("store") + " to filesystem."));
        }
        return config.store();
    }

    private static MwaaSettings settings(
            MwaaConfig config, MwaaConfig.Store store, ConfigSection section, List<Problem> problems) {
        List<String> allowed = config.allowedBuckets() == null ? List.of() : config.allowedBuckets();
        for (int i = 0; i < allowed.size(); i++) {
            if (allowed.get(i) == null || allowed.get(i).isBlank()) {
                problems.add(Problem.of(
                        section.key("allowedBuckets") + "[" + i + "]",
                        "is empty",
                        "Write a bucket name or remove the entry."));
            }
        }
        Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
        if (config.environments() == null) {
            if (store == MwaaConfig.Store.FILESYSTEM) {
                environments.put(MwaaSettings.ANY_ENVIRONMENT, MwaaSettings.defaultEnvironment());
            }
        } else {
            config.environments().forEach((name, env) -> {
                if (env == null) {
                    problems.add(Problem.of(
                            section.key("environments") + "." + name,
                            "is empty",
                            "Give the environment at least one of bucket, sourcePath, destinationPath, airflowUiUrl,"
                                    + " or remove it."));
                } else {
                    environments.put(
                            name,
                            new EnvironmentSettings(
                                    Optional.ofNullable(env.bucket()),
                                    Optional.ofNullable(env.sourcePath()),
                                    Optional.ofNullable(env.destinationPath()),
                                    Optional.ofNullable(env.airflowUiUrl())));
                }
            });
        }
        boolean cleanup = config.legacyDottedNames() == null
                || config.legacyDottedNames().cleanup() == null
                || config.legacyDottedNames().cleanup();
        MwaaSettings settings = new MwaaSettings(
                new LinkedHashSet<>(
                        allowed.stream().filter(b -> b != null && !b.isBlank()).toList()),
                environments,
                cleanup,
                config.environments() == null && store == MwaaConfig.Store.FILESYSTEM);
        problems.addAll(settings.problems(section.path()));
        return settings;
    }

    private static Optional<S3Settings> s3(MwaaConfig.S3 s3, ConfigSection section, List<Problem> problems) {
        int before = problems.size();
        String prefix = section.key("s3");
        if (s3.region() == null || s3.region().isBlank()) {
            problems.add(Problem.of(
                    prefix + ".region",
                    "is required for the S3 store but missing",
                    "Set " + prefix + ".region to the AWS region of the buckets, e.g. eu-west-1."));
        } else if (!s3.region().matches("[a-z0-9-]+")) {
            problems.add(Problem.of(
                    prefix + ".region",
                    "is '" + s3.region() + "', which is not a region name",
                    "Write a region such as eu-west-1."));
        }
        Optional<URI> endpoint = Optional.empty();
        if (s3.endpoint() != null) {
            endpoint = endpoint(s3.endpoint(), prefix + ".endpoint", problems);
        }
        Duration connect =
                positive(s3.connectTimeout(), MwaaConfig.DEFAULT_CONNECT_TIMEOUT, prefix + ".connectTimeout", problems);
        Duration call = positive(s3.callTimeout(), MwaaConfig.DEFAULT_CALL_TIMEOUT, prefix + ".callTimeout", problems);
        int attempts = s3.maxAttempts() == null ? MwaaConfig.DEFAULT_MAX_ATTEMPTS : s3.maxAttempts();
        if (attempts < 1 || attempts > 10) {
            problems.add(Problem.of(
                    prefix + ".maxAttempts",
                    "is " + attempts + ", but must be from 1 to 10",
                    "Write a number of attempts from 1 (no retry) to 10."));
        }
        Optional<StaticKey> key = staticKey(s3, prefix, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new S3Settings(
                s3.region(), endpoint, Boolean.TRUE.equals(s3.pathStyle()), connect, call, attempts, key));
    }

    private static Optional<StaticKey> staticKey(MwaaConfig.S3 s3, String prefix, List<Problem> problems) {
        boolean id = s3.accessKeyId() != null && !s3.accessKeyId().isBlank();
        boolean secret = s3.secretAccessKey() != null && !s3.secretAccessKey().isBlank();
        if (id && secret) {
            return Optional.of(new StaticKey(s3.accessKeyId(), s3.secretAccessKey()));
        }
        if (id || secret) {
            String missing = prefix + (id ? ".secretAccessKey" : ".accessKeyId");
            problems.add(Problem.of(
                    missing,
                    "is missing, but " + prefix + (id ? ".accessKeyId" : ".secretAccessKey") + " is set",
                    "Set both " + prefix + ".accessKeyId and " + prefix + ".secretAccessKey, or neither to use the"
                            + " AWS default credentials chain (environment, web identity, instance role)."));
        }
        return Optional.empty();
    }

    private static Optional<URI> endpoint(String text, String key, List<Problem> problems) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                problems.add(Problem.of(
                        key,
                        "is '" + text + "', which is not an absolute http(s) URL",
                        "Write e.g. https://minio.example.org:9000."));
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(Problem.of(
                    key,
                    "is '" + text + "', which is not a URL: " + e.getReason(),
                    "Write e.g. https://minio.example.org:9000."));
            return Optional.empty();
        }
    }

    private static Duration positive(Duration value, Duration fallback, String key, List<Problem> problems) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            problems.add(
                    Problem.of(key, "is " + value + ", but must be longer than zero", "Write a duration such as 10s."));
        }
        return value;
    }

    private static Optional<FolderSettings> folder(
            MwaaConfig.Filesystem filesystem, ConfigSection section, Path workingDirectory, List<Problem> problems) {
        String root = filesystem == null || filesystem.root() == null ? MwaaConfig.DEFAULT_ROOT : filesystem.root();
        String key = section.key("filesystem") + ".root";
        if (root.isBlank()) {
            problems.add(Problem.of(key, "is empty", "Write the folder of the Airflow DAG tree, e.g. ./airflow."));
            return Optional.empty();
        }
        try {
            Path resolved = workingDirectory.resolve(root).toAbsolutePath().normalize();
            boolean bucketFolders = filesystem != null && Boolean.TRUE.equals(filesystem.bucketFolders());
            return Optional.of(new FolderSettings(resolved, bucketFolders));
        } catch (InvalidPathException e) {
            problems.add(Problem.of(
                    key, "is '" + root + "', which is not a path: " + e.getReason(), "Write a folder path."));
            return Optional.empty();
        }
    }
}
