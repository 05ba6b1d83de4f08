package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address settings: what is an Airbyte URL, how it is kept, and the UI address derived from the API's. */
class UrlChecksTest {

    private static final String EXAMPLE = "e.g. http://airbyte:8000/api/public";

    private final ConfigProblems problems = new ConfigProblems("airbyte");
    private final UrlChecks urls = new UrlChecks(problems);

    @Test
    void aUrlIsKeptTrimmedAndWithoutItsTrailingSlash() {
        assertThat(urls.url("apiUrl", " http://airbyte:8000/api/public/ ", true, EXAMPLE))
                .contains(URI.create("http://airbyte:8000/api/public"));
        assertThat(problems.toValidation(() -> "checked").isValid()).isTrue();
    }

    @Test
    void aBlankOptionalUrlIsAbsentWithoutAProblem() {
        assertThat(urls.url("uiUrl", " ", false, EXAMPLE)).isEmpty();
        assertThat(problems.toValidation(() -> "checked").isValid()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|is required but missing|Set airbyte.apiUrl to the Airbyte address, " + EXAMPLE + ".",
                "ftp://airbyte|is 'ftp://airbyte', which is not an absolute http(s) URL|Write it like " + EXAMPLE + ".",
                "airbyte:8000|is 'airbyte:8000', which is not an absolute http(s) URL|Write it like " + EXAMPLE + ".",
                "http://a/api/public?x=1|must not have a query or fragment|Write it like " + EXAMPLE + ".",
                "http://a/api/public#top|must not have a query or fragment|Write it like " + EXAMPLE + ".",
                "http://a b/|is not a valid URL: Illegal character in authority|Write it like " + EXAMPLE + ".",
            })
    void aWrongUrlIsAProblemOfItsKey(String value, String message, String solution) {
        assertThat(urls.url("apiUrl", value, true, EXAMPLE)).isEmpty();

        assertThat(problems.toValidation(() -> "checked").getError().toJavaList())
                .containsExactly(new Problem("airbyte.apiUrl", message, solution, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://airbyte:8000/api/public, http://airbyte:8000",
        "https://airbyte.example/prefix/api/public, https://airbyte.example/prefix",
        "https://airbyte.example/v1/gateway, https://airbyte.example",
        "http://user@airbyte:8000/elsewhere, http://user@airbyte:8000",
    })
    void theUiAddressIsTheApisWithoutItsPublicPathOrElseItsOrigin(String apiUrl, String uiUrl) {
        assertThat(UrlChecks.defaultUiUrl(URI.create(apiUrl))).isEqualTo(uiUrl);
    }
}
