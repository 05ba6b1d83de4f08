package dev.meshprov.airbyte;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The Airbyte public API's JSON bodies that meshprov sends and reads ({@code null} fields are not sent). */
final class Wire {

    private Wire() {}

    /**
     * The token request, with the property the public API document defines: {@code grant-type}. (The document also
     * lists {@code grant_type} as required, a property it does not define; the server reads only the client id and
     * secret. See docs/vendor-contracts/airbyte.md.)
     */
    record TokenRequest(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_secret") String clientSecret,
            @JsonProperty("grant-type") String grantType) {
        static TokenRequest clientCredentials(String clientId, String clientSecret) {
            return new TokenRequest(clientId, clientSecret, "client_credentials");
        }

        @Override
        public String toString() {
            return "TokenRequest[" + clientId + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[" + tokenType + ", " + expiresIn + "s]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkspaceResponse(String workspaceId, String name) {}

    /** A source or destination to create; the configuration may hold secrets, so it is not in the text form. */
    record ConnectorCreate(String name, String workspaceId, JsonNode configuration, String definitionId) {
        @Override
        public String toString() {
            return "ConnectorCreate[" + name + ", " + workspaceId + ", " + definitionId + "]";
        }
    }

    /**
     * A change of a source or destination (PATCH: Airbyte deep-merges the configuration into the stored one); the
     * configuration may hold secrets, so it is not in the text form.
     */
    record ConnectorPatch(String name, JsonNode configuration) {
        @Override
        public String toString() {
            return "ConnectorPatch[" + name + ", configuration " + (configuration == null ? "unchanged" : "merged")
                    + "]";
        }
    }

    /**
     * A replacement of a source or destination (PUT: name and configuration both required, the configuration
     * replaces the stored one); the configuration may hold secrets, so it is not in the text form.
     */
    record ConnectorPut(String name, JsonNode configuration) {
        @Override
        public String toString() {
            return "ConnectorPut[" + name + ", configuration replaced]";
        }
    }

    /** A source or a destination: one of {@code sourceId} / {@code destinationId} is set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectorResponse(
            String sourceId,
            String destinationId,
            String name,
            String sourceType,
            String destinationType,
            String definitionId,
            String workspaceId,
            JsonNode configuration) {
        @Override
        public String toString() {
            return "ConnectorResponse[" + (sourceId != null ? sourceId : destinationId) + ", " + name + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> data, String next, String previous) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Schedule(String scheduleType, String cronExpression) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stream(String name, String syncMode, List<String> cursorField, List<List<String>> primaryKey) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamConfigurations(List<Stream> streams) {}

    record ConnectionCreate(
            String name,
            String sourceId,
            String destinationId,
            Schedule schedule,
            StreamConfigurations configurations,
            String namespaceDefinition,
            String namespaceFormat,
            String status) {}

    record ConnectionPatch(
            String name,
            Schedule schedule,
            StreamConfigurations configurations,
            String namespaceDefinition,
            String namespaceFormat,
            String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectionResponse(
            String connectionId,
            String name,
            String sourceId,
            String destinationId,
            String workspaceId,
            String status,
            Schedule schedule,
            StreamConfigurations configurations,
            String namespaceDefinition,
            String namespaceFormat) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamProperties(String streamName, List<String> syncModes) {}

    record JobRequest(String connectionId, String jobType) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobResponse(String jobId, String status, String jobType, String connectionId) {}
}
