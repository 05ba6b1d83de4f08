package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The technology's rules from configuration, independent of the store.
 *
 * @param allowedBuckets buckets a descriptor may name; when empty, only the buckets named in {@code environments}
 * @param environments per {@code dataProduct.environment}, values that override the descriptor; the entry
 *     {@value #ANY_ENVIRONMENT} applies to every environment without its own entry
 * @param legacyCleanup whether provisioning deletes the pre-2025 dotted DAG key of the same DAG
 * @param builtInEnvironments whether {@code environments} is the filesystem store's built-in default rather than
 *     configured ({@code mwaa.environments} absent), for messages that say what decides a value
 */
public record MwaaSettings(
        Set<String> allowedBuckets,
        Map<String, EnvironmentSettings> environments,
        boolean legacyCleanup,
        boolean builtInEnvironments) {

    /** The environment entry that applies to every environment without its own. */
    public static final String ANY_ENVIRONMENT = "*";

    public MwaaSettings {
        allowedBuckets = Collections.unmodifiableSet(new TreeSet<>(allowedBuckets));
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** Settings whose environments are configured. */
    public MwaaSettings(
            Set<String> allowedBuckets, Map<String, EnvironmentSettings> environments, boolean legacyCleanup) {
        this(allowedBuckets, environments, legacyCleanup, false);
    }

    /**
     * The embedded default: every environment stages in {@code staging/} and deploys to {@code dags/}, with legacy
     * cleanup on and no bucket allowed (the filesystem store ignores buckets).
     */
    public static MwaaSettings embeddedDefault() {
        return new MwaaSettings(Set.of(), Map.of(ANY_ENVIRONMENT, defaultEnvironment()), true, true);
    }

    /** The wildcard environment of the embedded default: staging in {@code staging/}, DAGs in {@code dags/}. */
    public static EnvironmentSettings defaultEnvironment() {
        return new EnvironmentSettings(
                Optional.empty(), Optional.of("staging/"), Optional.of("dags/"), Optional.empty());
    }

    /**
     * The environment entry for {@code environment}: its own (exact name first, then ignoring case), else the
     * {@value #ANY_ENVIRONMENT} entry, else none.
     */
    public Optional<EnvironmentMatch> environmentFor(Optional<String> environment) {
        if (environment.isPresent()) {
            String name = environment.get();
            if (environments.containsKey(name)) {
                return Optional.of(new EnvironmentMatch(name, environments.get(name), builtInEnvironments));
            }
            for (Map.Entry<String, EnvironmentSettings> entry : environments.entrySet()) {
                if (!entry.getKey().equals(ANY_ENVIRONMENT) && entry.getKey().equalsIgnoreCase(name)) {
                    return Optional.of(new EnvironmentMatch(entry.getKey(), entry.getValue(), builtInEnvironments));
                }
            }
        }
        return Optional.ofNullable(environments.get(ANY_ENVIRONMENT))
                .map(settings -> new EnvironmentMatch(ANY_ENVIRONMENT, settings, builtInEnvironments));
    }

    /** Every bucket the configuration names: the allow-list and the environments' buckets. */
    public Set<String> knownBuckets() {
        Set<String> known = new TreeSet<>(allowedBuckets);
        environments.values().forEach(env -> env.bucket().ifPresent(known::add));
        return Collections.unmodifiableSet(known);
    }

    /** Whether a descriptor may name {@code bucket}. */
    public boolean allows(String bucket) {
        return knownBuckets().contains(bucket);
    }

    /** Every problem of these settings, each named by its key under {@code section} (e.g. {@code mwaa}). */
    public List<Problem> problems(String section) {
        List<Problem> problems = new ArrayList<>();
        for (String bucket : new LinkedHashSet<>(allowedBuckets)) {
            KeyRules.bucketProblem(bucket)
                    .ifPresent(reason -> problems.add(Problem.of(
                            section + ".allowedBuckets",
                            "has the bucket '" + bucket + "', which " + reason,
                            "Write the bucket's name as S3 knows it, e.g. my-mwaa-bucket.")));
        }
        environments.forEach((name, env) -> problems.addAll(environmentProblems(section, name, env)));
        return problems;
    }

    private static List<Problem> environmentProblems(String section, String name, EnvironmentSettings env) {
        List<Problem> problems = new ArrayList<>();
        String key = section + ".environments." + EnvironmentMatch.quoted(name);
        env.bucket()
                .flatMap(KeyRules::bucketProblem)
                .ifPresent(reason -> problems.add(Problem.of(
                        key + ".bucket", reason, "Write the bucket's name as S3 knows it, e.g. my-mwaa-bucket.")));
        env.sourcePath()
                .flatMap(KeyRules::prefixPathProblem)
                .ifPresent(reason -> problems.add(
                        Problem.of(key + ".sourcePath", reason, "Write a relative key prefix such as staging/.")));
        env.destinationPath()
                .flatMap(KeyRules::prefixPathProblem)
                .ifPresent(reason -> problems.add(
                        Problem.of(key + ".destinationPath", reason, "Write a relative key prefix such as dags/.")));
        if (env.sourcePath().isPresent() && env.destinationPath().isPresent()) {
            KeyRules.stagingInsideDagFolder(
                            env.sourcePath().get(), env.destinationPath().get())
                    .ifPresent(
                            reason -> problems.add(
                                    Problem.of(
                                            key + ".sourcePath",
                                            reason,
                                            "Stage DAGs outside the DAG folder, e.g. sourcePath staging/ with destinationPath dags/.")));
        }
        env.airflowUiUrl()
                .flatMap(MwaaSettings::urlProblem)
                .ifPresent(reason -> problems.add(Problem.of(
                        key + ".airflowUiUrl",
                        reason,
                        "Write the Airflow web UI's base URL, e.g. https://abc.c1.eu-west-1.airflow.amazonaws.com.")));
        return problems;
    }

    private static Optional<String> urlProblem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return Optional.of("is '" + url + "', which is not an absolute http(s) URL");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.of("is '" + url + "', which has a query or fragment; give the base URL only");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is '" + url + "', which is not a URL: " + e.getReason());
        }
    }

    /**
     * The environment entry that applies to a data product.
     *
     * @param name the entry's name in the configuration ({@value MwaaSettings#ANY_ENVIRONMENT} for the wildcard)
     * @param settings its values
     * @param builtIn whether it is the filesystem store's built-in default, not a configured entry
     */
    public record EnvironmentMatch(String name, EnvironmentSettings settings, boolean builtIn) {
        public EnvironmentMatch {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
        }

        /** A configured entry. */
        public EnvironmentMatch(String name, EnvironmentSettings settings) {
            this(name, settings, false);
        }

        /** The configuration key of one of its values, e.g. {@code mwaa.environments."*".sourcePath}. */
        public String key(String field) {
            return "mwaa.environments." + quoted(name) + "." + field;
        }

        static String quoted(String name) {
            return isBareKey(name) ? name : "\"" + name + "\"";
        }

        /** {@code [A-Za-z0-9_-]+}, checked by hand: {@link String#matches} compiles a pattern on every call. */
        private static boolean isBareKey(String name) {
            if (name.isEmpty()) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                boolean bare = (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '-';
                if (!bare) {
                    return false;
                }
            }
            return true;
        }
    }
}
