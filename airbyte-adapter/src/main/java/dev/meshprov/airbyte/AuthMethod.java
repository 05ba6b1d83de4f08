package dev.meshprov.airbyte;

import java.net.URI;

/** How meshprov authenticates to Airbyte, as configured in {@code airbyte.auth}. */
sealed interface AuthMethod {

    /** No authentication (a local Airbyte without auth). */
    record None() implements AuthMethod {}

    /** HTTP basic authentication. */
    record Basic(String username, String password) implements AuthMethod {
        @Override
        public String toString() {
            return "Basic[" + username + "]";
        }
    }

    /** A static bearer token. */
    record Bearer(String token) implements AuthMethod {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    /** An application's client credentials, exchanged for short-lived tokens. */
    record ClientCredentials(String clientId, String clientSecret, URI tokenUrl) implements AuthMethod {
        @Override
        public String toString() {
            return "ClientCredentials[" + clientId + ", " + tokenUrl + "]";
        }
    }
}
