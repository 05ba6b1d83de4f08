package dev.meshprov.http.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Problem;
import dev.meshprov.http.testing.TestControls;
import dev.meshprov.http.testing.TestTechnologyProvider;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code server.auth.tokens}: off by default, every bad token a problem naming its key, tokens redacted. */
class AuthSettingsTest {

    private static final String TECHNOLOGIES = "alpha: {password: alpha-pass-1}\nbeta: {password: beta-pass-1}\n";

    private static Validation<Seq<Problem>, Application> start(String yaml) {
        BootstrapOptions options =
                BootstrapOptions.defaults().withProviders(TestTechnologyProvider.standard(new TestControls()));
        return Bootstrap.create(
                SafeYaml.withDefaults().parse(yaml + TECHNOLOGIES, "test").get(), options);
    }

    @Test
    void authenticationIsOffByDefault() {
        Application application = start("server: {port: 0}\n").get();

        assertThat(application.settings().server().auth().enabled()).isFalse();
    }

    @Test
    void configuredTokensTurnItOnAndAreRegisteredAsSecrets() {
        Application application = start(
                        "server:\n  auth:\n    tokens: [a-long-enough-token-1, a-long-enough-token-2]\n")
                .get();

        assertThat(application.settings().server().auth().enabled()).isTrue();
        assertThat(application.settings().server().auth().tokens())
                .containsExactly("a-long-enough-token-1", "a-long-enough-token-2");
        assertThat(application.redactor().redact("got a-long-enough-token-2 from a-long-enough-token-1"))
                .isEqualTo("got *** from ***");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an empty list | tokens: [] | server.auth.tokens | is an empty list",
                "a short token | tokens: [abc, a-long-enough-token-1] | server.auth.tokens[0]"
                        + " | is shorter than 16 characters",
                "a blank token | 'tokens: [a-long-enough-token-1, \"  \"]' | server.auth.tokens[1] | is empty",
                "a null token | 'tokens: [~]' | server.auth.tokens[0] | is empty",
                "a token with spaces | 'tokens: [\"a long enough token\"]' | server.auth.tokens[0]"
                        + " | contains spaces or characters that cannot travel in an Authorization header",
                "a map instead of a list | 'tokens: {a: b}' | server.auth.tokens | is a map, but must be a list",
            })
    void aBadTokenIsAProblemNamingItsKey(String what, String tokens, String field, String message) {
        Validation<Seq<Problem>, Application> started = start("server:\n  auth:\n    " + tokens + "\n");

        assertThat(started.isInvalid()).as(what).isTrue();
        Problem problem = started.getError().head();
        assertThat(problem.field()).as(what).isEqualTo(field);
        assertThat(problem.message()).as(what).isEqualTo(message);
        assertThat(problem.toString()).doesNotContain("abc");
    }

    @Test
    void anUnknownKeyOfTheAuthSectionIsNamed() {
        Validation<Seq<Problem>, Application> started = start("server:\n  auth:\n    token: x\n");

        assertThat(started.getError().map(Problem::field)).containsExactly("server.auth.token");
    }
}
