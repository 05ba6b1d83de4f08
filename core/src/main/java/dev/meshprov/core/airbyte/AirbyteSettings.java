package dev.meshprov.core.airbyte;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the Airbyte rules need from the server configuration, already checked by the technology provider.
 *
 * @param workspaceId the default workspace
 * @param workspaceByEnvironment workspaces that replace the default for a {@code dataProduct.environment}
 * @param uiUrl the Airbyte web UI base URL, for links to connections
 * @param fileDefinitionId the connector definition of the File source
 * @param snowflakeDefinitionId the connector definition of the Snowflake destination
 * @param snowflake the settings injected into Snowflake destinations
 * @param fileReaderOptions the File source {@code reader_options} (a JSON object as text) used for CSV when the
 *     descriptor sets none
 * @param allowedFileStorages the File source {@code provider.storage} values descriptors may use
 */
public record AirbyteSettings(
        String workspaceId,
        Map<String, String> workspaceByEnvironment,
        String uiUrl,
        String fileDefinitionId,
        String snowflakeDefinitionId,
        SnowflakeSettings snowflake,
        String fileReaderOptions,
        Set<String> allowedFileStorages) {

    /** The File source definition of the public Airbyte catalog. */
    public static final String DEFAULT_FILE_DEFINITION_ID = "778daa7c-feaf-4db6-96f3-70fd645acc77";
    /** The Snowflake destination definition of the public Airbyte catalog. */
    public static final String DEFAULT_SNOWFLAKE_DEFINITION_ID = "424892c4-daac-4491-b35d-c6688ba547ba";
    /**
     * The default File {@code reader_options}: pandas' default NA markers without {@code NA}, so that the text "NA"
     * (e.g. a country code) is not read as null.
     */
    public static final String DEFAULT_FILE_READER_OPTIONS = "{\"keep_default_na\": false, \"na_values\": [\"\","
            + " \"#N/A\", \"#N/A N/A\", \"#NA\", \"-1.#IND\", \"-1.#QNAN\", \"-NaN\", \"-nan\", \"1.#IND\","
            + " \"1.#QNAN\", \"<NA>\", \"N/A\", \"NULL\", \"NaN\", \"None\", \"n/a\", \"nan\", \"null\"]}";
    /** The only File storage the public template offers. */
    public static final String HTTPS_STORAGE = "HTTPS";

    public AirbyteSettings {
        Objects.requireNonNull(workspaceId, "workspaceId");
        workspaceByEnvironment = Map.copyOf(workspaceByEnvironment);
        Objects.requireNonNull(uiUrl, "uiUrl");
        Objects.requireNonNull(fileDefinitionId, "fileDefinitionId");
        Objects.requireNonNull(snowflakeDefinitionId, "snowflakeDefinitionId");
        Objects.requireNonNull(snowflake, "snowflake");
        Objects.requireNonNull(fileReaderOptions, "fileReaderOptions");
        allowedFileStorages = Set.copyOf(allowedFileStorages);
    }

    /** Settings with the defaults for everything but the workspace and UI. */
    public static AirbyteSettings defaults(String workspaceId, String uiUrl) {
        return new AirbyteSettings(
                workspaceId,
                Map.of(),
                uiUrl,
                DEFAULT_FILE_DEFINITION_ID,
                DEFAULT_SNOWFLAKE_DEFINITION_ID,
                SnowflakeSettings.none(),
                DEFAULT_FILE_READER_OPTIONS,
                Set.of(HTTPS_STORAGE));
    }

    /** A copy with other Snowflake settings. */
    public AirbyteSettings withSnowflake(SnowflakeSettings settings) {
        return new AirbyteSettings(
                workspaceId,
                workspaceByEnvironment,
                uiUrl,
                fileDefinitionId,
                snowflakeDefinitionId,
                settings,
                fileReaderOptions,
                allowedFileStorages);
    }

    /** A copy with per-environment workspaces. */
    public AirbyteSettings withWorkspaces(Map<String, String> byEnvironment) {
        return new AirbyteSettings(
                workspaceId,
                byEnvironment,
                uiUrl,
                fileDefinitionId,
                snowflakeDefinitionId,
                snowflake,
                fileReaderOptions,
                allowedFileStorages);
    }

    /** The workspace for a data product environment: its override, else the default. */
    public String workspaceFor(Optional<String> environment) {
        return environment.map(workspaceByEnvironment::get).orElse(workspaceId);
    }

    /** Every configured workspace, the default first. */
    public Set<String> allWorkspaces() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(workspaceId);
        all.addAll(new java.util.TreeMap<>(workspaceByEnvironment).values());
        return all;
    }

    /** The Airbyte UI address of a connection. */
    public String connectionUrl(String workspace, String connectionId) {
        String base = uiUrl.endsWith("/") ? uiUrl.substring(0, uiUrl.length() - 1) : uiUrl;
        return base + "/workspaces/" + workspace + "/connections/" + connectionId;
    }
}
