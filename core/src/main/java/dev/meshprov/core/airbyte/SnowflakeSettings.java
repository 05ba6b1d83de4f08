package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Snowflake settings the server injects into every Snowflake destination, so that descriptors never carry
 * credentials. {@link #toString()} never shows the password or key.
 *
 * @param host the account host, e.g. {@code acme.snowflakecomputing.com}
 * @param role the role to load with
 * @param warehouse the warehouse to load with
 * @param username the user to load as
 * @param password the user's password (deprecated since destination-snowflake 5.0.0; ignored when {@code privateKey}
 *     is set)
 * @param privateKey the user's private key in PEM form, for key-pair authentication
 * @param privateKeyPassword the private key's passphrase, when it is encrypted
 * @param loadingMethod the {@code loading_method.method} to inject (older connector versions), when set
 */
public record SnowflakeSettings(
        Optional<String> host,
        Optional<String> role,
        Optional<String> warehouse,
        Optional<String> username,
        Optional<String> password,
        Optional<String> privateKey,
        Optional<String> privateKeyPassword,
        Optional<String> loadingMethod) {

    /** The configuration key of the credentials object. */
    public static final String CREDENTIALS = "credentials";
    /** The configuration key of the loading method object. */
    public static final String LOADING_METHOD = "loading_method";
    /** Why a password-only configuration deserves a warning, and what to do. */
    public static final String PASSWORD_DEPRECATION =
            "Snowflake password authentication (airbyte.snowflake.password) is"
                    + " deprecated since destination-snowflake 5.0.0, and Snowflake enforces strong authentication from 2026:"
                    + " configure key-pair authentication (airbyte.snowflake.privateKey) instead.";

    public SnowflakeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(privateKeyPassword, "privateKeyPassword");
        Objects.requireNonNull(loadingMethod, "loadingMethod");
    }

    /** No settings: nothing is injected. */
    public static SnowflakeSettings none() {
        return new SnowflakeSettings(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Whether the server provides credentials. */
    public boolean hasCredentials() {
        return password.isPresent() || privateKey.isPresent();
    }

    /** Whether destinations authenticate with the key pair: whenever a private key is set, even with a password. */
    public boolean usesKeyPair() {
        return privateKey.isPresent();
    }

    /** Whether destinations authenticate with the password only, which destination-snowflake 5.0.0 deprecates. */
    public boolean usesPasswordOnly() {
        return password.isPresent() && privateKey.isEmpty();
    }

    /** The plain keys set by the server ({@code host}, {@code role}, ...), which descriptors may not set. */
    public List<String> injectedPlainKeys() {
        List<String> keys = new ArrayList<>();
        host.ifPresent(v -> keys.add("host"));
        role.ifPresent(v -> keys.add("role"));
        warehouse.ifPresent(v -> keys.add("warehouse"));
        username.ifPresent(v -> keys.add("username"));
        return keys;
    }

    /** Writes the server's settings into a destination configuration. */
    void injectInto(ObjectNode configuration) {
        host.ifPresent(v -> configuration.put("host", v));
        role.ifPresent(v -> configuration.put("role", v));
        warehouse.ifPresent(v -> configuration.put("warehouse", v));
        username.ifPresent(v -> configuration.put("username", v));
        if (privateKey.isPresent()) {
            ObjectNode credentials = configuration.putObject(CREDENTIALS);
            credentials.put("auth_type", "Key Pair Authentication");
            credentials.put("private_key", privateKey.get());
            privateKeyPassword.ifPresent(v -> credentials.put("private_key_password", v));
        } else if (password.isPresent()) {
            ObjectNode credentials = configuration.putObject(CREDENTIALS);
            credentials.put("auth_type", "Username and Password");
            credentials.put("password", password.get());
        }
        loadingMethod.ifPresent(v -> configuration.putObject(LOADING_METHOD).put("method", v));
    }

    @Override
    public String toString() {
        return "SnowflakeSettings[host=" + host.orElse("-") + ", role=" + role.orElse("-") + ", warehouse="
                + warehouse.orElse("-") + ", username=" + username.orElse("-") + ", credentials="
                + (privateKey.isPresent() ? "key pair" : password.isPresent() ? "password" : "none") + "]";
    }
}
