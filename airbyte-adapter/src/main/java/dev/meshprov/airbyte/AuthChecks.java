package dev.meshprov.airbyte;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code auth} settings: the type (none, basic, bearer, client credentials; any case), the settings that type
 * requires, a problem for each setting it does not use, and the token URL under the API when none is set.
 */
final class AuthChecks {

    private static final String TOKEN_PATH = "/v1/applications/token";

    private final ConfigProblems problems;
    private final UrlChecks urls;

    AuthChecks(ConfigProblems problems, UrlChecks urls) {
        this.problems = problems;
        this.urls = urls;
    }

    /** How to authenticate; none when {@code auth} or its type is absent. */
    AuthMethod method(AirbyteConfig.Auth auth, Optional<URI> apiUrl) {
        if (auth == null || ConfigProblems.blank(auth.type())) {
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
                        problems.required("auth.username", auth.username(), "the Airbyte user"),
                        problems.required("auth.password", auth.password(), "the Airbyte user's password"));
            }
            case "bearer" -> {
                unused(auth, "bearer", Set.of("token"));
                yield new AuthMethod.Bearer(problems.required("auth.token", auth.token(), "the bearer token"));
            }
            case "clientcredentials" -> {
                unused(auth, "clientCredentials", Set.of("clientId", "clientSecret", "tokenUrl"));
                yield clientCredentials(auth, apiUrl);
            }
            default -> {
                problems.add(
                        "auth.type",
                        "is '" + auth.type() + "', which is not one of none, basic, bearer, clientCredentials",
                        "Set " + problems.key("auth.type") + " to none, basic, bearer or clientCredentials.");
                yield new AuthMethod.None();
            }
        };
    }

    private AuthMethod clientCredentials(AirbyteConfig.Auth auth, Optional<URI> apiUrl) {
        String clientId = problems.required("auth.clientId", auth.clientId(), "the application's client id");
        String secret = problems.required("auth.clientSecret", auth.clientSecret(), "the application's client secret");
        Optional<URI> tokenUrl = ConfigProblems.blank(auth.tokenUrl())
                ? apiUrl.map(api -> URI.create(api + TOKEN_PATH))
                : urls.url("auth.tokenUrl", auth.tokenUrl(), false, "e.g. http://airbyte:8000/api/public" + TOKEN_PATH);
        return new AuthMethod.ClientCredentials(clientId, secret, tokenUrl.orElse(null));
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
            if (!ConfigProblems.blank(value) && !used.contains(name)) {
                problems.add(
                        "auth." + name,
                        "is set, but auth type " + type + " does not use it",
                        "Remove " + problems.key("auth." + name) + ", or set " + problems.key("auth.type")
                                + " to the type it belongs to.");
            }
        });
    }
}
