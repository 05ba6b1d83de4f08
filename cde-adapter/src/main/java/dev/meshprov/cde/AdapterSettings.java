package dev.meshprov.cde;

import dev.meshprov.core.cde.CdeDefaults;
import dev.meshprov.core.cde.CdeSettings;
import dev.meshprov.core.cde.JobNamePolicy;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.upstream.RetryPolicy;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code cde} section with every default applied and every value checked: what the gateways are built from.
 * Problems name the dotted key; secret values never appear in them.
 */
record AdapterSettings(
        URI cdpEndpoint,
        CdpApiKey apiKey,
        String workloadUser,
        String workloadPassword,
        Optional<String> awsRegion,
        Optional<URI> awsEndpoint,
        boolean pathStyleAccess,
        Optional<String> awsAccessKeyId,
        Optional<String> awsSecretAccessKey,
        String tokenUrl,
        Duration discoveryCacheTtl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration uploadTimeout,
        RetryPolicy retries,
        CdeSettings rules) {

    static final String DEFAULT_REGION = CdpEndpoints.DEFAULT_REGION;
    static final String DEFAULT_TOKEN_URL = "https://{clusterFqdn}/gateway/authtkn/knoxtoken/api/v1/token";

    private static final Pattern REGION = Pattern.compile("^(default|[a-z]{2,3}(-[a-z]+)?-\\d+)$");
    private static final Pattern MEMORY = Pattern.compile("^[1-9][0-9]{0,6}[mMgG]$");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR");

    static Validation<Seq<Problem>, AdapterSettings> from(CdeConfig config, String section) {
        Keys keys = new Keys(section);
        ProblemList problems = new ProblemList();
        CdeConfig.Cdp cdp = config.cdp() != null ? config.cdp() : new CdeConfig.Cdp(null, null, null, null);
        CdeConfig.Workload workload =
                config.workload() != null ? config.workload() : new CdeConfig.Workload(null, null);
        CdeConfig.Aws aws = config.aws() != null ? config.aws() : new CdeConfig.Aws(null, null, null, null, null);

        URI cdpEndpoint = cdpEndpoint(cdp, keys, problems);
        String accessKeyId =
                required(cdp.accessKeyId(), keys.of("cdp.accessKeyId"), "the access key id of a CDP API key", problems);
        String privateKey =
                required(cdp.privateKey(), keys.of("cdp.privateKey"), "the private key of a CDP API key", problems);
        if (accessKeyId != null && privateKey != null) {
            Optional<CdpApiKey> parsed = CdpApiKey.parse(accessKeyId, privateKey);
            if (parsed.isEmpty()) {
                problems.add(Problem.of(
                        keys.of("cdp.privateKey"),
                        "cannot be read as an Ed25519 private key (base64, as CDP issues it) or a PEM RSA or ECDSA"
                                + " private key (PKCS#8)",
                        "Paste the private key of the CDP API key exactly as CDP showed it."));
            }
        }
        String user = required(workload.user(), keys.of("workload.user"), "the CDP workload user name", problems);
        String password =
                required(workload.password(), keys.of("workload.password"), "the CDP workload password", problems);

        Optional<URI> awsEndpoint =
                Optional.ofNullable(aws.endpoint()).flatMap(text -> url(text, keys.of("aws.endpoint"), problems));
        if ((aws.accessKeyId() == null) != (aws.secretAccessKey() == null)) {
            problems.add(Problem.of(
                    keys.of(aws.accessKeyId() == null ? "aws.accessKeyId" : "aws.secretAccessKey"),
                    "is required when " + (aws.accessKeyId() == null ? "aws.secretAccessKey" : "aws.accessKeyId")
                            + " is set",
                    "Set both cde.aws.accessKeyId and cde.aws.secretAccessKey, or neither to use the AWS default"
                            + " credentials chain."));
        }

        String tokenUrl = config.tokenUrl() != null ? config.tokenUrl() : DEFAULT_TOKEN_URL;
        if (!tokenUrl.contains("{clusterFqdn}")) {
            problems.add(Problem.of(
                    keys.of("tokenUrl"),
                    "must contain {clusterFqdn}, the host of the CDE service",
                    "Use the default " + DEFAULT_TOKEN_URL + " or a URL with {clusterFqdn}."));
        } else {
            url(tokenUrl.replace("{clusterFqdn}", "host.example"), keys.of("tokenUrl"), problems);
        }

        CdeConfig.Timeouts timeouts =
                config.timeouts() != null ? config.timeouts() : new CdeConfig.Timeouts(null, null, null);
        Duration connect = positive(timeouts.connect(), Duration.ofSeconds(10), keys.of("timeouts.connect"), problems);
        Duration read = positive(timeouts.read(), Duration.ofSeconds(30), keys.of("timeouts.read"), problems);
        Duration upload = positive(timeouts.upload(), Duration.ofMinutes(30), keys.of("timeouts.upload"), problems);
        Duration ttl = config.discoveryCacheTtl() != null ? config.discoveryCacheTtl() : Duration.ofSeconds(30);
        if (ttl.isNegative()) {
            problems.add(Problem.of(
                    keys.of("discoveryCacheTtl"),
                    "must not be negative",
                    "Set a duration such as 30s, or 0s to disable the cache."));
        }
        RetryPolicy retries = retries(config.retries(), keys, problems);
        CdeSettings rules = rules(config, keys, problems);

        if (!problems.isEmpty()) {
            return problems.toValidation(() -> null);
        }
        return problems.toValidation(() -> new AdapterSettings(
                cdpEndpoint,
                parsedKey(accessKeyId, privateKey),
                user,
                password,
                Optional.ofNullable(aws.region()),
                awsEndpoint,
                Boolean.TRUE.equals(aws.pathStyleAccess()),
                Optional.ofNullable(aws.accessKeyId()),
                Optional.ofNullable(aws.secretAccessKey()),
                tokenUrl,
                ttl,
                connect,
                read,
                upload,
                retries,
                rules));
    }

    private static CdpApiKey parsedKey(String accessKeyId, String privateKey) {
        return CdpApiKey.parse(accessKeyId, privateKey).orElseThrow();
    }

    private static URI cdpEndpoint(CdeConfig.Cdp cdp, Keys keys, ProblemList problems) {
        if (cdp.endpoint() != null) {
            return url(CdpEndpoints.explicit(cdp.endpoint()), keys.of("cdp.endpoint"), problems)
                    .orElse(null);
        }
        String region = cdp.region() != null ? cdp.region().strip() : DEFAULT_REGION;
        if (!REGION.matcher(region).matches()) {
            problems.add(Problem.of(
                    keys.of("cdp.region"),
                    "is '" + region + "', which is not a CDP region such as us-west-1, eu-1, ap-1 or usg-1",
                    "Set cde.cdp.region to your CDP control plane region, or cde.cdp.endpoint to its API URL."));
            return null;
        }
        return CdpEndpoints.forRegion(region);
    }

    private static Optional<URI> url(String text, String key, ProblemList problems) {
        try {
            URI uri = URI.create(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(Problem.of(
                key,
                "is '" + text + "', which is not an http(s) URL",
                "Write an absolute URL such as https://host.example."));
        return Optional.empty();
    }

    private static String required(String value, String key, String what, ProblemList problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(key, "is required but missing", "Set " + key + " to " + what + "."));
            return null;
        }
        return value;
    }

    private static Duration positive(Duration value, Duration fallback, String key, ProblemList problems) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            problems.add(Problem.of(key, "must be longer than zero", "Set a duration such as 10s."));
            return fallback;
        }
        return value;
    }

    private static RetryPolicy retries(CdeConfig.Retries retries, Keys keys, ProblemList problems) {
        CdeConfig.Retries given = retries != null ? retries : new CdeConfig.Retries(null, null, null);
        int attempts = given.maxAttempts() != null ? given.maxAttempts() : 3;
        if (attempts < 1 || attempts > 10) {
            problems.add(Problem.of(
                    keys.of("retries.maxAttempts"),
                    "is " + attempts + ", but must be between 1 and 10",
                    "Set a number of attempts such as 3 (1 disables retries)."));
            attempts = 1;
        }
        Duration initial =
                positive(given.initialBackoff(), Duration.ofMillis(200), keys.of("retries.initialBackoff"), problems);
        Duration max = positive(given.maxBackoff(), Duration.ofSeconds(5), keys.of("retries.maxBackoff"), problems);
        Duration longest = max.compareTo(initial) < 0 ? initial : max;
        return new RetryPolicy(attempts, initial, longest, longest);
    }

    private static CdeSettings rules(CdeConfig config, Keys keys, ProblemList problems) {
        JobNamePolicy policy = JobNamePolicy.DERIVED;
        if (config.jobNamePolicy() != null) {
            Optional<JobNamePolicy> parsed = JobNamePolicy.parse(config.jobNamePolicy());
            if (parsed.isEmpty()) {
                problems.add(Problem.of(
                        keys.of("jobNamePolicy"),
                        "is '" + config.jobNamePolicy() + "', but must be derived or free",
                        "Set cde.jobNamePolicy to derived (the default) or free."));
            }
            policy = parsed.orElse(JobNamePolicy.DERIVED);
        }
        CdeDefaults standard = CdeDefaults.standard();
        CdeConfig.Defaults given = config.defaults() != null
                ? config.defaults()
                : new CdeConfig.Defaults(null, null, null, null, null, null, null);
        CdeDefaults defaults = new CdeDefaults(
                positiveInt(given.driverCores(), standard.driverCores(), keys.of("defaults.driverCores"), problems),
                memory(given.driverMemory(), standard.driverMemory(), keys.of("defaults.driverMemory"), problems),
                positiveInt(
                        given.executorCores(), standard.executorCores(), keys.of("defaults.executorCores"), problems),
                memory(given.executorMemory(), standard.executorMemory(), keys.of("defaults.executorMemory"), problems),
                positiveInt(given.numExecutors(), standard.numExecutors(), keys.of("defaults.numExecutors"), problems),
                logLevel(given.logLevel(), standard.logLevel(), keys.of("defaults.logLevel"), problems),
                given.conf() != null ? new LinkedHashMap<>(given.conf()) : Map.of());
        return new CdeSettings(
                policy,
                defaults,
                Boolean.TRUE.equals(config.allowPython2()),
                Boolean.TRUE.equals(config.runOnProvision()));
    }

    private static int positiveInt(Integer value, int fallback, String key, ProblemList problems) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            problems.add(Problem.of(
                    key, "is " + value + ", but must be greater than zero", "Set a whole number such as 1."));
            return fallback;
        }
        return value;
    }

    private static String memory(String value, String fallback, String key, ProblemList problems) {
        if (value == null) {
            return fallback;
        }
        if (!MEMORY.matcher(value.strip()).matches()) {
            problems.add(Problem.of(
                    key,
                    "is '" + value + "', but must be a whole number followed by m or g",
                    "Write memory such as 512m or 2g."));
            return fallback;
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static String logLevel(String value, String fallback, String key, ProblemList problems) {
        if (value == null) {
            return fallback;
        }
        String level = value.strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            problems.add(Problem.of(
                    key,
                    "is '" + value + "', which is not a Spark log level",
                    "Set one of TRACE, DEBUG, INFO, WARN, WARNING, ERROR."));
            return fallback;
        }
        return level;
    }

    @Override
    public String toString() {
        return "AdapterSettings[cdpEndpoint=" + cdpEndpoint + ", workloadUser=" + workloadUser + ", ...]";
    }

    /** Dotted keys inside the section. */
    private record Keys(String section) {
        String of(String key) {
            return section.isEmpty() ? key : section + "." + key;
        }
    }
}
