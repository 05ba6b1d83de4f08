package dev.meshprov.airbyte;

import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.airbyte.SnowflakeSettings;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.upstream.RetryPolicy;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@link AirbyteConfig} and applies its defaults, reporting every problem at once, each named by its
 * dotted key ({@code airbyte.auth.clientSecret}) with a fix. Each area has its checks: {@link UrlChecks},
 * {@link IdChecks}, {@link AuthChecks}, {@link SnowflakeChecks}, {@link FileSourceChecks} and
 * {@link TimeoutAndRetryChecks}; problems are reported in the order of the keys below.
 */
final class ConfigChecks {

    private ConfigChecks() {}

    /** The checked configuration of section {@code section} (e.g. {@code airbyte}), or every problem. */
    static Validation<Seq<Problem>, ResolvedConfig> check(AirbyteConfig config, String section) {
        ConfigProblems problems = new ConfigProblems(section);
        UrlChecks urls = new UrlChecks(problems);
        IdChecks ids = new IdChecks(problems);
        Optional<URI> apiUrl = urls.url("apiUrl", config.apiUrl(), true, "e.g. http://airbyte:8000/api/public");
        Optional<URI> uiUrl = urls.url("uiUrl", config.uiUrl(), false, "e.g. http://airbyte:8000");
        String workspaceId = ids.uuid("workspaceId", config.workspaceId(), true, "the workspace to provision into");
        Map<String, String> environments = ids.environments(config.environments());
        AuthMethod auth = new AuthChecks(problems, urls).method(config.auth(), apiUrl);
        String sourceDefinition = ids.definition(
                "sourceDefinitionId",
                config.sourceDefinitionId(),
                "the File source definition",
                AirbyteSettings.DEFAULT_FILE_DEFINITION_ID);
        String destinationDefinition = ids.definition(
                "destinationDefinitionId",
                config.destinationDefinitionId(),
                "the Snowflake destination definition",
                AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID);
        SnowflakeSettings snowflake = new SnowflakeChecks(problems).settings(config.snowflake());
        FileSourceChecks fileChecks = new FileSourceChecks(problems);
        AirbyteConfig.File file = config.file() != null ? config.file() : new AirbyteConfig.File(null, null);
        String readerOptions = fileChecks.readerOptions(file.readerOptions());
        Set<String> storages = fileChecks.storages(file.allowedStorages());
        TimeoutAndRetryChecks timing = new TimeoutAndRetryChecks(problems);
        Duration connect = timing.connectTimeout(config.timeouts());
        Duration read = timing.readTimeout(config.timeouts());
        RetryPolicy retries = timing.retries(config.retries());
        return problems.toValidation(() -> new ResolvedConfig(
                apiUrl.orElseThrow(),
                auth,
                connect,
                read,
                retries,
                new AirbyteSettings(
                        workspaceId,
                        environments,
                        uiUrl.map(URI::toString).orElseGet(() -> UrlChecks.defaultUiUrl(apiUrl.orElseThrow())),
                        sourceDefinition,
                        destinationDefinition,
                        snowflake,
                        readerOptions,
                        storages)));
    }
}
