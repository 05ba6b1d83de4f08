package dev.meshprov.http.secrets;

import java.util.Map;
import java.util.Set;

/**
 * Every place a secret enters meshprov. A new secret-looking configuration key must be added here (and to the
 * canary tests) before {@link SecretConfigKeysTest} passes; that is the point.
 */
final class SecretRegistry {

    /**
     * The secret-bearing configuration keys, as dotted paths ({@code *} for a map key, {@code []} for a list
     * element). The composition root registers their values with the redactor because their names look secret.
     */
    static final Set<String> CONFIG_KEYS = Set.of(
            "server.auth.tokens",
            "tasks.password",
            "airbyte.auth.password",
            "airbyte.auth.token",
            "airbyte.auth.clientSecret",
            "airbyte.snowflake.password",
            "airbyte.snowflake.privateKey",
            "airbyte.snowflake.privateKeyPassword",
            "cde.cdp.privateKey",
            "cde.workload.password",
            "cde.aws.secretAccessKey",
            "mwaa.s3.secretAccessKey");

    /**
     * Descriptor fields that may carry secrets, with what meshprov does with them: Airbyte source configurations are
     * passed to Airbyte (their secret-keyed values registered with the redactor); Snowflake destination credentials
     * are refused, since the server configuration supplies them. CDE and MWAA descriptors carry no secrets.
     */
    static final Map<String, String> DESCRIPTOR_FIELDS = Map.of(
            "specific.source.connectionConfiguration.<secret-looking key, any depth>",
            "passed through to Airbyte, registered with the redactor",
            "specific.destination.connectionConfiguration.<secret-looking key>",
            "refused by validation (credentials come from airbyte.snowflake)");

    private SecretRegistry() {}
}
