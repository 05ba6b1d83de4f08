package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code auth} settings: the method per type, its token URL, and settings the type does not use. */
class AuthChecksTest {

    private static final Optional<URI> API = Optional.of(URI.create("http://airbyte:8000/api/public"));

    private final ConfigProblems problems = new ConfigProblems("airbyte");
    private final AuthChecks auth = new AuthChecks(problems, new UrlChecks(problems));

    @Test
    void noAuthSectionIsNoAuthentication() {
        assertThat(auth.method(null, API)).isEqualTo(new AuthMethod.None());
        assertThat(problems.toValidation(() -> "checked").isValid()).isTrue();
    }

    @Test
    void theTypeIsReadInAnyCase() {
        assertThat(auth.method(new AirbyteConfig.Auth(" BASIC ", "u", "p", null, null, null, null), API))
                .isEqualTo(new AuthMethod.Basic("u", "p"));
    }

    @Test
    void clientCredentialsGetTheirTokensUnderTheApiUnlessTheTokenUrlIsSet() {
        AuthMethod derived =
                auth.method(new AirbyteConfig.Auth("clientCredentials", null, null, null, "app", "s", null), API);
        AuthMethod given = auth.method(
                new AirbyteConfig.Auth(
                        "clientCredentials", null, null, null, "app", "s", "https://login.example/token/"),
                API);

        assertThat(derived)
                .isEqualTo(new AuthMethod.ClientCredentials(
                        "app", "s", URI.create("http://airbyte:8000/api/public/v1/applications/token")));
        assertThat(given)
                .isEqualTo(new AuthMethod.ClientCredentials("app", "s", URI.create("https://login.example/token")));
        assertThat(problems.toValidation(() -> "checked").isValid()).isTrue();
    }

    @Test
    void eachSettingTheTypeDoesNotUseIsAProblemThatNamesTheType() {
        auth.method(new AirbyteConfig.Auth("bearer", "u", null, "t", null, null, "http://a/token"), API);

        assertThat(problems.toValidation(() -> "checked").getError().toJavaList())
                .containsExactly(
                        new Problem(
                                "airbyte.auth.username",
                                "is set, but auth type bearer does not use it",
                                "Remove airbyte.auth.username, or set airbyte.auth.type to the type it belongs to.",
                                Optional.empty()),
                        new Problem(
                                "airbyte.auth.tokenUrl",
                                "is set, but auth type bearer does not use it",
                                "Remove airbyte.auth.tokenUrl, or set airbyte.auth.type to the type it belongs to.",
                                Optional.empty()));
    }

    @Test
    void settingsWithoutATypeAreUnusedByNone() {
        assertThat(auth.method(new AirbyteConfig.Auth(null, null, "p", null, null, null, null), API))
                .isEqualTo(new AuthMethod.None());

        assertThat(problems.toValidation(() -> "checked").getError().toJavaList())
                .extracting(Problem::field, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "airbyte.auth.password", "is set, but auth type none does not use it"));
    }
}
