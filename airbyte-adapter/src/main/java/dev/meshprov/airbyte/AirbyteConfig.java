package dev.meshprov.airbyte;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code airbyte} configuration section (without the generic {@code enabled} and {@code mode} keys). Absent
 * values are {@code null} and take the defaults documented on each component.
 *
 * @param apiUrl the public API base, e.g. {@code http://airbyte:8000/api/public} (required)
 * @param uiUrl the web UI base for links to connections; default: {@code apiUrl} without {@code /api/public}
 * @param workspaceId the workspace components are provisioned into (required)
 * @param environments per {@code dataProduct.environment} overrides, e.g. another workspace for production
 * @param auth how meshprov authenticates to Airbyte; default none
 * @param sourceDefinitionId the File source definition; default the public catalog's
 * @param destinationDefinitionId the Snowflake destination definition; default the public catalog's
 * @param snowflake what is injected into every Snowflake destination
 * @param file File source defaults and limits
 * @param timeouts connect and read time-outs of each call
 * @param retries how often and how patiently safe calls are retried
 */
public record AirbyteConfig(
        String apiUrl,
        String uiUrl,
        String workspaceId,
        Map<String, Environment> environments,
        Auth auth,
        String sourceDefinitionId,
        String destinationDefinitionId,
        Snowflake snowflake,
        File file,
        Timeouts timeouts,
        Retries retries) {

    /**
     * Overrides for one data product environment.
     *
     * @param workspaceId the workspace of that environment
     */
    public record Environment(String workspaceId) {}

    /**
     * Authentication to the Airbyte API.
     *
     * @param type {@code none} (default), {@code basic}, {@code bearer} or {@code clientCredentials}
     * @param username the basic-auth user
     * @param password the basic-auth password (secret)
     * @param token the static bearer token (secret)
     * @param clientId the application's client id, for client credentials
     * @param clientSecret the application's client secret (secret)
     * @param tokenUrl where to get tokens; default {@code <apiUrl>/v1/applications/token}
     */
    public record Auth(
            String type,
            String username,
            String password,
            String token,
            String clientId,
            String clientSecret,
            String tokenUrl) {
        @Override
        public String toString() {
            return "Auth[type=" + type + ", username=" + username + ", clientId=" + clientId + ", tokenUrl=" + tokenUrl
                    + ", secrets=" + (password != null || token != null || clientSecret != null ? "***" : "none") + "]";
        }
    }

    /**
     * What the server injects into Snowflake destinations; descriptors never carry these.
     *
     * @param host the account host; must match the Snowflake connector's host pattern
     * @param role the role
     * @param warehouse the warehouse
     * @param username the user
     * @param password the user's password (secret; deprecated since destination-snowflake 5.0.0, ignored when
     *     {@code privateKey} is set)
     * @param privateKey the user's PEM private key (secret), for key-pair authentication, which is preferred
     * @param privateKeyPassword the private key's passphrase (secret)
     * @param loadingMethod the {@code loading_method.method} for older connector versions, e.g. {@code Internal
     *     Staging}; not injected when absent
     */
    public record Snowflake(
            String host,
            String role,
            String warehouse,
            String username,
            String password,
            String privateKey,
            String privateKeyPassword,
            String loadingMethod) {
        @Override
        public String toString() {
            return "Snowflake[host=" + host + ", role=" + role + ", warehouse=" + warehouse + ", username=" + username
                    + ", credentials=" + (privateKey != null ? "key pair" : password != null ? "password" : "none")
                    + ", loadingMethod=" + loadingMethod + "]";
        }
    }

    /**
     * File source settings.
     *
     * @param readerOptions the {@code reader_options} JSON object (as text) for CSV files whose descriptor sets none;
     *     default: keep "NA" as text
     * @param allowedStorages the {@code provider.storage} values descriptors may use, among those of the File
     *     connector's specification; default {@code [HTTPS]}
     */
    public record File(String readerOptions, List<String> allowedStorages) {}

    /**
     * Time-outs of each call.
     *
     * @param connect establishing a connection; default 10s
     * @param read waiting for an answer; default 60s
     */
    public record Timeouts(Duration connect, Duration read) {}

    /**
     * Retries of calls that are safe to repeat (and of creates after checking they did not happen).
     *
     * @param maxAttempts attempts per call including the first; default 3
     * @param initialBackoff the first wait; doubled each time, with jitter; default 500ms
     * @param maxBackoff the longest wait between attempts; default 10s
     * @param maxRetryAfter the longest {@code Retry-After} honoured on 429; default 60s
     */
    public record Retries(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {}
}
