package dev.meshprov.docs;

import dev.meshprov.airbyte.AirbyteConfig;
import dev.meshprov.cde.CdeConfig;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.service.Route;
import dev.meshprov.core.service.RoutingTable;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.bootstrap.MeshprovSettings;
import dev.meshprov.mwaa.MwaaConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates {@code docs/configuration.md} from the configuration model: the keys, types and computable defaults come
 * from the settings records of the composition root ({@link MeshprovSettings}), from each technology's public
 * configuration record, and from each provider's {@link TechnologyDescriptor}; secrets are the keys the redactor
 * masks. What reflection cannot know — what a key means, and the defaults the providers apply when checking — is
 * written in {@link #DESCRIPTIONS}, and {@code ConfigurationReferenceTest} fails when a key of the model has no
 * description or a description names a key the model does not have.
 */
final class ConfigurationReference {

    /** The file the reference is written to, relative to the repository root. */
    static final String FILE = "docs/configuration.md";

    /** The command that rewrites the file. */
    static final String REGENERATE = "mvn -B -pl docs -am test -Dtest=ConfigurationReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dmeshprov.docs.regenerate=true";

    /** Each technology's public configuration record, by technology name. */
    static final Map<String, Class<?>> TECHNOLOGY_CONFIGS =
            Map.of("airbyte", AirbyteConfig.class, "cde", CdeConfig.class, "mwaa", MwaaConfig.class);

    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "routing", "technology",
            "mwaa.environments", "environment",
            "airbyte.environments", "environment");

    /**
     * A key's meaning and, where the model cannot compute it, its default.
     *
     * @param defaultValue the default as the provider applies it; empty when there is none or the model has it
     * @param description what the key does
     */
    record Description(String defaultValue, String description) {}

    static final Map<String, Description> DESCRIPTIONS = descriptions();

    private final ConfigurationModel model = new ConfigurationModel(PLACEHOLDERS);

    /** Every key of the model: the process-wide sections, then each technology's. */
    List<ConfigurationModel.Key> keys() {
        List<ConfigurationModel.Key> keys = new ArrayList<>(model.keys("", MeshprovSettings.class));
        for (TechnologyProvider provider : BootstrapOptions.discoveredProviders()) {
            keys.addAll(technologyKeys(provider.descriptor()));
        }
        return keys;
    }

    /** The whole document. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n");
        out.append("<!-- Generated from the configuration model by docs/src/test/java/dev/meshprov/docs/"
                + "ConfigurationReference.java; do not edit.\n     Regenerate with: " + REGENERATE + " -->\n\n");
        out.append(INTRODUCTION);
        out.append("## Process\n\n");
        table(out, model.keys("", MeshprovSettings.class));
        out.append("\nDefault routes (a list under `routing.<technology>` replaces the technology's default list;"
                + " the version segment of an id is ignored):\n\n");
        out.append("| technology | infrastructureTemplateIds | useCaseTemplateIds |\n|---|---|---|\n");
        for (Route route : RoutingTable.defaultRoutes()) {
            out.append("| `")
                    .append(route.technology())
                    .append("` | ")
                    .append(codes(route.infrastructureTemplateIds()))
                    .append(" | ")
                    .append(codes(route.useCaseTemplateIds()))
                    .append(" |\n");
        }
        for (TechnologyProvider provider : BootstrapOptions.discoveredProviders()) {
            TechnologyDescriptor descriptor = provider.descriptor();
            out.append("\n## `")
                    .append(descriptor.name())
                    .append("` — ")
                    .append(descriptor.displayName())
                    .append("\n\n");
            out.append(descriptor.enabledByDefault() ? "Enabled" : "Disabled")
                    .append(" by default; runs ")
                    .append(descriptor.defaultMode().name().toLowerCase(Locale.ROOT))
                    .append(" unless `")
                    .append(descriptor.name())
                    .append(".mode` says otherwise. ")
                    .append(descriptor.enableHint())
                    .append("\n\n");
            table(out, technologyKeys(descriptor));
        }
        return out.toString();
    }

    private List<ConfigurationModel.Key> technologyKeys(TechnologyDescriptor descriptor) {
        Class<?> config = TECHNOLOGY_CONFIGS.get(descriptor.name());
        if (config == null) {
            throw new IllegalStateException("add the configuration record of technology " + descriptor.name()
                    + " to ConfigurationReference.TECHNOLOGY_CONFIGS");
        }
        List<ConfigurationModel.Key> keys = new ArrayList<>();
        keys.add(new ConfigurationModel.Key(
                descriptor.name() + ".enabled",
                "boolean",
                false,
                java.util.Optional.of(String.valueOf(descriptor.enabledByDefault()))));
        keys.add(new ConfigurationModel.Key(
                descriptor.name() + ".mode",
                "sync \\| async",
                false,
                java.util.Optional.of(descriptor.defaultMode().name().toLowerCase(Locale.ROOT))));
        keys.addAll(model.keys(descriptor.name(), config));
        return keys;
    }

    private static void table(StringBuilder out, List<ConfigurationModel.Key> keys) {
        out.append("| key | type | default | description |\n|---|---|---|---|\n");
        for (ConfigurationModel.Key key : keys) {
            Description description = DESCRIPTIONS.get(key.key());
            if (description == null) {
                throw new IllegalStateException("describe " + key.key() + " in ConfigurationReference.DESCRIPTIONS");
            }
            String defaultValue = key.defaultValue()
                    .map(value -> "`" + value + "`")
                    .orElse(description.defaultValue().isEmpty() ? "—" : description.defaultValue());
            out.append("| `")
                    .append(key.key())
                    .append("` | ")
                    .append(key.type())
                    .append(key.secret() ? " (secret)" : "")
                    .append(" | ")
                    .append(defaultValue)
                    .append(" | ")
                    .append(description.description())
                    .append(" |\n");
        }
    }

    private static String codes(Set<String> values) {
        return String.join(
                ", ", new TreeSet<>(values).stream().map(v -> "`" + v + "`").toList());
    }

    private static final String INTRODUCTION =
            """
            meshprov reads one YAML file: `--config FILE`, else the file named by `MESHPROV_CONFIG`, else
            `./meshprov.yaml` when it exists. With none it starts on the **embedded default**: port 8093, tasks in
            memory, MWAA deploying DAGs from `./airflow/staging` to `./airflow/dags`, Airbyte and CDE disabled.

            - **Interpolation**: in any string value, `${VAR}` is replaced by the environment variable `VAR` and
              `${VAR:-fallback}` by `VAR` or `fallback`. An unset variable without a fallback is a start-up problem
              naming the key. This is how secrets stay out of the file.
            - **Environment overrides**: `MESHPROV_<SECTION>_<KEY>...` sets any key, one underscore per level, keys
              matched case-insensitively: `MESHPROV_SERVER_PORT=9000`, `MESHPROV_AIRBYTE_APIURL=...`,
              `MESHPROV_MWAA_S3_REGION=eu-west-1`. A value starting with `[` or `{` is read as YAML, e.g.
              `MESHPROV_MWAA_ALLOWEDBUCKETS=[a, b]`.
            - **Durations** are written with a unit: `500ms`, `10s`, `5m`, `24h` (ISO-8601 such as `PT10S` works too).
            - **Validation**: keys are matched case-insensitively; an unknown key, a value of the wrong type and every
              rule below are reported together at start-up, each naming its dotted key and the fix.
            - **Secrets**: keys marked *(secret)* are masked in every log, response and error, and so is any value
              registered from them. Write them as `${VAR}` and fill the variable from your secret store.
            - `<environment>` stands for a `dataProduct.environment` value (e.g. `development`).

            """;

    private static Map<String, Description> descriptions() {
        Map<String, Description> d = new LinkedHashMap<>();
        // process
        d.put("server.host", of("The address to listen on."));
        d.put("server.port", of("The HTTP port; `0` picks a free one."));
        d.put("server.maxBodyBytes", of("The largest request body accepted, in bytes; larger ones get 413."));
        d.put(
                "server.basePath",
                with(
                        "none",
                        "The path prefix a reverse proxy publishes meshprov under, e.g. `/platform/meshprov`: every"
                                + " endpoint is also served under it, and the Swagger UI's links carry it when the"
                                + " proxy strips it without sending `X-Forwarded-Prefix`."));
        d.put(
                "server.maxThreads",
                of("The most threads serving HTTP requests at once, Jetty's own included; more requests wait in"
                        + " the queue. A synchronous provisioning holds its thread while it calls upstream."));
        d.put(
                "server.auth.tokens",
                of("Bearer tokens accepted on the API endpoints (each at least 16 characters;"
                        + " secrets, usually `${VAR}`). Absent: no authentication. Health, `/metrics`, `/docs` and"
                        + " `/openapi.yaml` stay open."));
        d.put("tasks.store", of("Where asynchronous tasks are kept."));
        d.put("tasks.maxTasks", of("How many tasks the in-memory store holds at most."));
        d.put(
                "tasks.jdbcUrl",
                of(
                        "The task database (`jdbc` store only): `jdbc:postgresql://host:5432/db` shared by"
                                + " replicas, or `jdbc:h2:file:./data/meshprov` for a single replica that must survive restarts."));
        d.put("tasks.username", of("The task database user (`jdbc` store only)."));
        d.put("tasks.password", of("The task database password (`jdbc` store only); a secret, usually `${VAR}`."));
        d.put(
                "tasks.poolSize",
                of("The most database connections; each running operation holds one for its lock on"
                        + " PostgreSQL (default workers + 4)."));
        d.put(
                "tasks.heartbeat",
                of("How often an instance renews its lease and reaps the tasks of stopped instances"
                        + " (default 5s)."));
        d.put(
                "tasks.lease",
                of("How long an instance may miss heartbeats before its unfinished tasks are failed"
                        + " (default 30s; at least two heartbeats)."));
        d.put("tasks.retention", of("How long a finished task stays pollable."));
        d.put("tasks.workers", of("How many operations run at once (on different components; 1 to 512)."));
        d.put(
                "tasks.shutdownGrace",
                of("How long running operations may finish on shutdown before they are" + " marked failed."));
        d.put("logging.format", of("`json`: one object per line; `text`: for people."));
        d.put("logging.level", of("The level of meshprov's own loggers."));
        d.put(
                "routing.<technology>.infrastructureTemplateIds",
                of("The infrastructure template ids routed to the technology by the root `/v1` paths."));
        d.put(
                "routing.<technology>.useCaseTemplateIds",
                of("The use case template ids routed to it when the infrastructure template id is not known."));
        // every technology
        for (String technology : TECHNOLOGY_CONFIGS.keySet()) {
            d.put(
                    technology + ".enabled",
                    of("Whether the technology runs; a request for a disabled one is a 400"
                            + " saying what to configure."));
            d.put(
                    technology + ".mode",
                    of("`sync` answers when the operation is done; `async` answers a token to"
                            + " poll at `/v1/provision/{token}/status`."));
        }
        // mwaa
        d.put("mwaa.store", with("`s3` when `mwaa.s3` is set, else `filesystem`", "Where DAGs live."));
        d.put("mwaa.s3.region", of("The AWS region of the buckets; required for the S3 store."));
        d.put("mwaa.s3.endpoint", with("AWS", "An endpoint for S3-compatible stores, e.g. `https://minio:9000`."));
        d.put("mwaa.s3.pathStyle", with("`false`", "Path-style addressing (most S3-compatible stores need it)."));
        d.put("mwaa.s3.connectTimeout", with("`5s`", "How long to wait for a connection."));
        d.put("mwaa.s3.callTimeout", with("`60s`", "How long one S3 call may take, retries included."));
        d.put("mwaa.s3.maxAttempts", with("`3`", "Attempts per call, the first included (1 to 10)."));
        d.put(
                "mwaa.s3.accessKeyId",
                with(
                        "the AWS default chain",
                        "A static access key id, with `mwaa.s3.secretAccessKey` (both or neither); without them the"
                                + " AWS default chain (environment, web identity / IRSA, profile, instance role)."));
        d.put("mwaa.s3.secretAccessKey", of("The secret of `mwaa.s3.accessKeyId` (write `${VARIABLE}`)."));
        d.put(
                "mwaa.filesystem.root",
                with(
                        "`./airflow`",
                        "The local Airflow folder (staging and DAG folders inside), relative to the"
                                + " working directory or absolute."));
        d.put(
                "mwaa.filesystem.bucketFolders",
                with("`false`", "Whether each bucket is a sub-folder of the root (else bucket names are ignored)."));
        d.put(
                "mwaa.allowedBuckets",
                with(
                        "none",
                        "The buckets a descriptor may name. The S3 store needs at least one bucket, here or"
                                + " in `mwaa.environments.<environment>.bucket`."));
        d.put(
                "mwaa.environments.<environment>.bucket",
                of("The bucket of that environment, instead of the descriptor's `specific.bucketName`;"
                        + " the environment `*` applies to every environment not listed."));
        d.put(
                "mwaa.environments.<environment>.sourcePath",
                of("The staging prefix, instead of the descriptor's `specific.sourcePath`."));
        d.put(
                "mwaa.environments.<environment>.destinationPath",
                of("The DAG folder, instead of the descriptor's `specific.destinationPath`."));
        d.put("mwaa.environments.<environment>.airflowUiUrl", of("The Airflow web UI, for a link to each DAG."));
        d.put(
                "mwaa.legacyDottedNames.cleanup",
                with(
                        "`true`",
                        "Whether provisioning deletes the file of the same DAG under its pre-2025 dotted" + " name."));
        // airbyte
        d.put("airbyte.apiUrl", of("The Airbyte public API, e.g. `http://airbyte:8000/api/public`; required."));
        d.put("airbyte.uiUrl", with("`apiUrl` without `/api/public`", "The web UI, for links to connections."));
        d.put("airbyte.workspaceId", of("The UUID of the workspace components are provisioned into; required."));
        d.put(
                "airbyte.environments.<environment>.workspaceId",
                of("The workspace of that environment, instead of `airbyte.workspaceId`."));
        d.put("airbyte.auth.type", with("`none`", "`none`, `basic`, `bearer` or `clientCredentials`."));
        d.put("airbyte.auth.username", of("The user, for `basic`."));
        d.put("airbyte.auth.password", of("The password, for `basic`."));
        d.put("airbyte.auth.token", of("The static token, for `bearer`."));
        d.put("airbyte.auth.clientId", of("The application's client id, for `clientCredentials`."));
        d.put("airbyte.auth.clientSecret", of("The application's client secret, for `clientCredentials`."));
        d.put(
                "airbyte.auth.tokenUrl",
                with("`<apiUrl>/v1/applications/token`", "Where client credentials are exchanged for tokens."));
        d.put("airbyte.sourceDefinitionId", with("the public catalog's File source", "The File source definition."));
        d.put(
                "airbyte.destinationDefinitionId",
                with("the public catalog's Snowflake destination", "The Snowflake destination definition."));
        d.put(
                "airbyte.snowflake.host",
                of("The Snowflake account host injected into every destination; it must match the Snowflake"
                        + " connector's own host pattern (`{account_name}.snowflakecomputing.com` or"
                        + " `{accountname}.{aws_location}.aws.snowflakecomputing.com`)."));
        d.put("airbyte.snowflake.role", of("The role injected into every destination."));
        d.put("airbyte.snowflake.warehouse", of("The warehouse injected into every destination."));
        d.put("airbyte.snowflake.username", of("The user; required with a password or private key."));
        d.put(
                "airbyte.snowflake.password",
                of("The user's password: deprecated since destination-snowflake 5.0.0 (Snowflake enforces strong"
                        + " authentication from 2026), `config check` and provisioning warn; ignored when"
                        + " `privateKey` is set."));
        d.put(
                "airbyte.snowflake.privateKey",
                of("The user's PEM private key (key-pair authentication): used whenever it is set."));
        d.put("airbyte.snowflake.privateKeyPassword", of("The private key's passphrase."));
        d.put(
                "airbyte.snowflake.loadingMethod",
                with(
                        "not injected",
                        "The `loading_method.method` for older connector versions, e.g." + " `Internal Staging`."));
        d.put(
                "airbyte.file.readerOptions",
                with(
                        "keep `NA` as text",
                        "The `reader_options` JSON object (as a string) for CSV files whose"
                                + " descriptor sets none."));
        d.put(
                "airbyte.file.allowedStorages",
                with(
                        "`[HTTPS]`",
                        "The File source storages descriptors may use, among those of the File connector's"
                                + " specification: HTTPS, GCS, S3, AzBlob, SSH, SCP, SFTP."));
        d.put("airbyte.timeouts.connect", with("`10s`", "Establishing a connection."));
        d.put("airbyte.timeouts.read", with("`60s`", "Waiting for an answer."));
        d.put("airbyte.retries.maxAttempts", with("`3`", "Attempts of a safe call, the first included (1 to 10)."));
        d.put("airbyte.retries.initialBackoff", with("`500ms`", "The first wait; doubled each time, with jitter."));
        d.put("airbyte.retries.maxBackoff", with("`10s`", "The longest wait between attempts."));
        d.put("airbyte.retries.maxRetryAfter", with("`60s`", "The longest `Retry-After` of a 429 that is honoured."));
        // cde
        d.put(
                "cde.cdp.endpoint",
                with(
                        "`https://api.<region>.cdp.cloudera.com` (`usg-1`: `https://api.usg-1.cdp.clouderagovt.com`)",
                        "The CDP control-plane API; a `%s` in it is replaced by `api`, as cdpcli does."));
        d.put(
                "cde.cdp.region",
                with(
                        "`us-west-1`",
                        "The CDP region (`us-west-1`, `eu-1`, `ap-1`, `usg-1`), when no endpoint is given."));
        d.put("cde.cdp.accessKeyId", of("The access key id of a CDP API key; required."));
        d.put(
                "cde.cdp.privateKey",
                of("The API key's private key as CDP issues it: Ed25519 (base64), or PEM (PKCS#8) RSA or ECDSA;"
                        + " required."));
        d.put("cde.workload.user", of("The CDP workload user the jobs API tokens are issued to; required."));
        d.put("cde.workload.password", of("The workload password; required."));
        d.put("cde.aws.region", of("The AWS region of the artifact buckets."));
        d.put("cde.aws.endpoint", with("AWS", "An S3 endpoint override (S3-compatible stores)."));
        d.put("cde.aws.pathStyleAccess", with("`false`", "Path-style bucket addressing."));
        d.put(
                "cde.aws.accessKeyId",
                with("the AWS default chain", "A static access key id; set with `secretAccessKey` or not at all."));
        d.put("cde.aws.secretAccessKey", of("The static access key's secret."));
        d.put(
                "cde.jobNamePolicy",
                with(
                        "`derived`",
                        "`derived`: the job name is derived from the component id; `free`: the"
                                + " descriptor's `jobName` is used as given."));
        d.put("cde.defaults.driverCores", with("`1`", "Driver cores of jobs that leave them out."));
        d.put("cde.defaults.driverMemory", with("`1g`", "Driver memory, e.g. `512m`, `2g`."));
        d.put("cde.defaults.executorCores", with("`1`", "Executor cores."));
        d.put("cde.defaults.executorMemory", with("`1g`", "Executor memory."));
        d.put("cde.defaults.numExecutors", with("`1`", "Number of executors."));
        d.put("cde.defaults.logLevel", with("`INFO`", "Spark log level: TRACE, DEBUG, INFO, WARN, ERROR."));
        d.put("cde.defaults.conf", with("none", "Spark configuration every job gets."));
        d.put("cde.allowPython2", with("`false`", "Whether `pythonVersion: python2` is accepted."));
        d.put("cde.runOnProvision", with("`false`", "Whether provisioning runs the job once."));
        d.put(
                "cde.tokenUrl",
                with(
                        "`https://{clusterFqdn}/gateway/authtkn/knoxtoken/api/v1/token`",
                        "The Knox token URL;" + " `{clusterFqdn}` is the CDE service host."));
        d.put(
                "cde.discoveryCacheTtl",
                with("`30s`", "How long service and virtual cluster lookups are reused; `0s` disables it."));
        d.put("cde.timeouts.connect", with("`10s`", "Establishing a connection."));
        d.put("cde.timeouts.read", with("`30s`", "Waiting for an answer."));
        d.put("cde.timeouts.upload", with("`30m`", "One artifact upload or download as a whole."));
        d.put("cde.retries.maxAttempts", with("`3`", "Attempts of a safe call (never a create; 1 to 10)."));
        d.put("cde.retries.initialBackoff", with("`200ms`", "The first wait; doubled each time, with jitter."));
        d.put("cde.retries.maxBackoff", with("`5s`", "The longest wait, also the cap of a 429's `Retry-After`."));
        return Map.copyOf(d);
    }

    private static Description of(String description) {
        return new Description("", description);
    }

    private static Description with(String defaultValue, String description) {
        return new Description(defaultValue, description);
    }
}
