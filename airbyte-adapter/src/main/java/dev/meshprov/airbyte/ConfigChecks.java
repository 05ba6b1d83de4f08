package dev.meshprov.airbyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.airbyte.SnowflakeSettings;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.upstream.RetryPolicy;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link AirbyteConfig} and applies its defaults, reporting every problem at once, each named by its
 * dotted key ({@code airbyte.auth.clientSecret}) with a fix. Over 300 lines: one check per configuration key, kept
 * together so that every key's message and fix are written alike.
 */
final class ConfigChecks {

    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    private static final String TOKEN_PATH = "/v1/applications/token";
    private static final String PUBLIC_API_SUFFIX = "/api/public";

    private final String section;
    private final ProblemList problems = new ProblemList();

    private ConfigChecks(String section) {
        this.section = section;
    }

    /** The checked configuration of section {@code section} (e.g. {@code airbyte}), or every problem. */
    static Validation<Seq<Problem>, ResolvedConfig> check(AirbyteConfig config, String section) {
        return new ConfigChecks(section).resolve(config);
    }

    private Validation<Seq<Problem>, ResolvedConfig> resolve(AirbyteConfig config) {
        Optional<URI> apiUrl = url("apiUrl", config.apiUrl(), true, "e.g. http://airbyte:8000/api/public");
        Optional<URI> uiUrl = url("uiUrl", config.uiUrl(), false, "e.g. http://airbyte:8000");
        String workspaceId = uuid("workspaceId", config.workspaceId(), true, "the workspace to provision into");
        Map<String, String> environments = environments(config.environments());
        AuthMethod auth = auth(config.auth(), apiUrl);
        String sourceDefinition = Optional.ofNullable(
                        uuid("sourceDefinitionId", config.sourceDefinitionId(), false, "the File source definition"))
                .orElse(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID);
        String destinationDefinition = Optional.ofNullable(uuid(
                        "destinationDefinitionId",
                        config.destinationDefinitionId(),
                        false,
                        "the Snowflake destination definition"))
                .orElse(AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID);
        SnowflakeSettings snowflake = snowflake(config.snowflake());
        AirbyteConfig.File file = config.file() != null ? config.file() : new AirbyteConfig.File(null, null);
        String readerOptions = readerOptions(file.readerOptions());
        Set<String> storages = storages(file.allowedStorages());
        AirbyteConfig.Timeouts timeouts =
                config.timeouts() != null ? config.timeouts() : new AirbyteConfig.Timeouts(null, null);
        Duration connect = positive("timeouts.connect", timeouts.connect(), DEFAULT_CONNECT_TIMEOUT);
        Duration read = positive("timeouts.read", timeouts.read(), DEFAULT_READ_TIMEOUT);
        RetryPolicy retries = retries(config.retries());
        return problems.toValidation(() -> new ResolvedConfig(
                apiUrl.orElseThrow(),
                auth,
                connect,
                read,
                retries,
                new AirbyteSettings(
                        workspaceId,
                        environments,
                        uiUrl.map(URI::toString).orElseGet(() -> defaultUiUrl(apiUrl.orElseThrow())),
                        sourceDefinition,
                        destinationDefinition,
                        snowflake,
                        readerOptions,
                        storages)));
    }

    // ------------------------------------------------------------------ URLs and ids

    private Optional<URI> url(String key, String value, boolean required, String example) {
        if (blank(value)) {
            if (required) {
                problem(
                        key,
                        "is required but missing",
                        "Set " + key(key) + " to the Airbyte address, " + example + ".");
            }
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problem(
                        key,
                        "is '" + value + "', which is not an absolute http(s) URL",
                        "Write it like " + example + ".");
                return Optional.empty();
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problem(key, "must not have a query or fragment", "Write it like " + example + ".");
                return Optional.empty();
            }
            String text = uri.toString();
            return Optional.of(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
        } catch (URISyntaxException e) {
            problem(key, "is not a valid URL: " + e.getReason(), "Write it like " + example + ".");
            return Optional.empty();
        }
    }

    private static String defaultUiUrl(URI apiUrl) {
        String text = apiUrl.toString();
        if (text.endsWith(PUBLIC_API_SUFFIX)) {
            return text.substring(0, text.length() - PUBLIC_API_SUFFIX.length());
        }
        return apiUrl.getScheme() + "://" + apiUrl.getRawAuthority();
    }

    private String uuid(String key, String value, boolean required, String what) {
        if (blank(value)) {
            if (required) {
                problem(key, "is required but missing", "Set " + key(key) + " to the UUID of " + what + ".");
            }
            return null;
        }
        if (!UUID.matcher(value.trim()).matches()) {
            problem(
                    key,
                    "is '" + value + "', which is not a UUID",
                    "Set " + key(key) + " to the UUID of " + what + ".");
            return null;
        }
        return value.trim();
    }

    private Map<String, String> environments(Map<String, AirbyteConfig.Environment> environments) {
        Map<String, String> workspaces = new LinkedHashMap<>();
        if (environments == null) {
            return workspaces;
        }
        environments.forEach((name, environment) -> {
            String id = uuid(
                    "environments." + name + ".workspaceId",
                    environment == null ? null : environment.workspaceId(),
                    true,
                    "the workspace of environment " + name);
            if (id != null) {
                workspaces.put(name, id);
            }
        });
        return workspaces;
    }

    // ------------------------------------------------------------------ auth

    private AuthMethod auth(AirbyteConfig.Auth auth, Optional<URI> apiUrl) {
        if (auth == null || blank(auth.type())) {
            unused(auth, "none", Set.of());
            return new AuthMethod.None();
        }
        return switch (auth.type().trim().toLowerCase(Locale.ROOT)) {
            case "none" -> {
                unused(auth, "none", Set.of());
                yield new AuthMethod.None();
            }
            case "basic" -> {
                unused(auth, "basic", Set.of("username", "password"));
                yield new AuthMethod.Basic(
                        required("auth.username", auth.username(), "the Airbyte user"),
                        required("auth.password", auth.password(), "the Airbyte user's password"));
            }
            case "bearer" -> {
                unused(auth, "bearer", Set.of("token"));
                yield new AuthMethod.Bearer(required("auth.token", auth.token(), "the bearer token"));
            }
            case "clientcredentials" -> {
                unused(auth, "clientCredentials", Set.of("clientId", "clientSecret", "tokenUrl"));
                String clientId = required("auth.clientId", auth.clientId(), "the application's client id");
                String secret = required("auth.clientSecret", auth.clientSecret(), "the application's client secret");
                Optional<URI> tokenUrl = blank(auth.tokenUrl())
                        ? apiUrl.map(api -> URI.create(api + TOKEN_PATH))
                        : url(
                                "auth.tokenUrl",
                                auth.tokenUrl(),
                                false,
                                "e.g. http://airbyte:8000/api/public" + TOKEN_PATH);
                yield new AuthMethod.ClientCredentials(clientId, secret, tokenUrl.orElse(null));
            }
            default -> {
                problem(
                        "auth.type",
                        "is '" + auth.type() + "', which is not one of none, basic, bearer, clientCredentials",
                        "Set " + key("auth.type") + " to none, basic, bearer or clientCredentials.");
                yield new AuthMethod.None();
            }
        };
    }

    /** A problem for each auth setting the chosen type does not use (likely a mistake). */
    private void unused(AirbyteConfig.Auth auth, String type, Set<String> used) {
        if (auth == null) {
            return;
        }
        Map<String, String> given = new LinkedHashMap<>();
        given.put("username", auth.username());
        given.put("password", auth.password());
        given.put("token", auth.token());
        given.put("clientId", auth.clientId());
        given.put("clientSecret", auth.clientSecret());
        given.put("tokenUrl", auth.tokenUrl());
        given.forEach((name, value) -> {
            if (!blank(value) && !used.contains(name)) {
                problem(
                        "auth." + name,
                        "is set, but auth type " + type + " does not use it",
                        "Remove " + key("auth." + name) + ", or set " + key("auth.type")
                                + " to the type it belongs to.");
            }
        });
    }

    // ------------------------------------------------------------------ snowflake and file

    private SnowflakeSettings snowflake(AirbyteConfig.Snowflake snowflake) {
        if (snowflake == null) {
            return SnowflakeSettings.none();
        }
        if (!blank(snowflake.privateKeyPassword()) && blank(snowflake.privateKey())) {
            problem(
                    "snowflake.privateKeyPassword",
                    "is set without snowflake.privateKey",
                    "Set " + key("snowflake.privateKey") + ", or remove the passphrase.");
        }
        boolean credentials = !blank(snowflake.password()) || !blank(snowflake.privateKey());
        if (credentials) {
            required("snowflake.host", snowflake.host(), "the Snowflake account host");
            required("snowflake.username", snowflake.username(), "the Snowflake user");
        }
        if (!blank(snowflake.host())) {
            snowflakeHost(snowflake.host().trim());
        }
        return new SnowflakeSettings(
                optional(snowflake.host()),
                optional(snowflake.role()),
                optional(snowflake.warehouse()),
                optional(snowflake.username()),
                optional(snowflake.password()),
                optional(snowflake.privateKey()),
                optional(snowflake.privateKeyPassword()),
                optional(snowflake.loadingMethod()));
    }

    /** The host must match the pattern of the Snowflake connector's specification, which Airbyte enforces. */
    private void snowflakeHost(String host) {
        for (JsonSchemaSpecification.TextRule rule :
                VendoredConnectorSpecifications.snowflake().specification().patterns(List.of("host"))) {
            if (!rule.pattern().matcher(host).find()) {
                problem(
                        "snowflake.host",
                        "is '" + host + "', which the Snowflake connector refuses (its specification requires the"
                                + " pattern " + rule.pattern() + ")",
                        "Set " + key("snowflake.host") + " to the account host, "
                                + rule.descriptor().orElse("e.g. acme.eu-west-1.snowflakecomputing.com") + ".");
            }
        }
    }

    private String readerOptions(String readerOptions) {
        if (readerOptions == null) {
            return AirbyteSettings.DEFAULT_FILE_READER_OPTIONS;
        }
        try {
            if (JsonMapper.builder().build().readTree(readerOptions).isObject()) {
                return readerOptions;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        problem(
                "file.readerOptions",
                "is not a JSON object",
                "Write it as a JSON object in a string, e.g. '{\"keep_default_na\": false, \"na_values\": [\"\"]}'.");
        return AirbyteSettings.DEFAULT_FILE_READER_OPTIONS;
    }

    private Set<String> storages(List<String> storages) {
        if (storages == null) {
            return Set.of(AirbyteSettings.HTTPS_STORAGE);
        }
        Set<String> allowed = new LinkedHashSet<>();
        List<String> known =
                VendoredConnectorSpecifications.file().specification().allowedValues(List.of("provider", "storage"));
        for (int i = 0; i < storages.size(); i++) {
            String storage = storages.get(i);
            if (storage == null || !known.contains(storage)) {
                problem(
                        "file.allowedStorages[" + i + "]",
                        "is '" + storage + "', which is not a storage of the File connector's specification",
                        "Use values of " + known + ".");
            } else {
                allowed.add(storage);
            }
        }
        return allowed;
    }

    // ------------------------------------------------------------------ timeouts and retries

    private RetryPolicy retries(AirbyteConfig.Retries retries) {
        AirbyteConfig.Retries given = retries != null ? retries : new AirbyteConfig.Retries(null, null, null, null);
        int attempts = given.maxAttempts() == null ? ConfigChecks.DEFAULT_MAX_ATTEMPTS : given.maxAttempts();
        if (attempts < 1 || attempts > 10) {
            problem(
                    "retries.maxAttempts",
                    "is " + attempts + ", but must be between 1 and 10",
                    "Set " + key("retries.maxAttempts") + " to e.g. 3 (1 means no retries).");
            attempts = ConfigChecks.DEFAULT_MAX_ATTEMPTS;
        }
        Duration initial =
                positive("retries.initialBackoff", given.initialBackoff(), ConfigChecks.DEFAULT_INITIAL_BACKOFF);
        Duration max = positive("retries.maxBackoff", given.maxBackoff(), ConfigChecks.DEFAULT_MAX_BACKOFF);
        Duration retryAfter =
                positive("retries.maxRetryAfter", given.maxRetryAfter(), ConfigChecks.DEFAULT_MAX_RETRY_AFTER);
        if (initial.compareTo(max) > 0) {
            problem(
                    "retries.initialBackoff",
                    "is longer than retries.maxBackoff (" + max + ")",
                    "Make " + key("retries.initialBackoff") + " at most " + key("retries.maxBackoff") + ".");
        }
        return new RetryPolicy(attempts, initial, max, retryAfter);
    }

    private Duration positive(String key, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            problem(
                    key,
                    "is " + value + ", but must be longer than zero",
                    "Set " + key(key) + " to e.g. " + fallback.toMillis() + "ms.");
            return fallback;
        }
        return value;
    }

    // ------------------------------------------------------------------ helpers

    private String required(String key, String value, String what) {
        if (blank(value)) {
            problem(key, "is required but missing", "Set " + key(key) + " to " + what + ".");
            return "";
        }
        return value;
    }

    private static Optional<String> optional(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void problem(String key, String message, String solution) {
        problems.add(Problem.of(key(key), message, solution));
    }

    private String key(String key) {
        return section.isEmpty() ? key : section + "." + key;
    }
}
