package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.HeadlessChromium;
import dev.meshprov.http.testing.PrefixProxy;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.http.testing.StandardServerTest;
import dev.meshprov.http.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /docs}: Swagger UI from the WebJar, rendering the contract in a real headless browser at {@code /docs} and
 * {@code /docs/}, under each technology's prefix, behind a reverse proxy that announces its prefix
 * ({@code X-Forwarded-Prefix}) and under a configured {@code server.basePath}.
 */
class ApiDocsTest extends StandardServerTest {

    @ParameterizedTest
    @CsvSource({"/docs, ''", "/docs/, ''", "/alpha/docs, /alpha", "/gamma/docs/, /gamma"})
    void thePageLoadsEveryAssetFromThisServerAndTheContractOfItsMount(String page, String mount) {
        ApiResponse response = client.get(page);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("text/html");
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(response.body());
        int count = 0;
        while (references.find()) {
            String reference = references.group(1);
            assertThat(reference)
                    .as("served by this server under the page's own mount, whatever the trailing slash")
                    .startsWith(mount + "/docs/");
            assertThat(client.get(reference).status()).as(reference).isEqualTo(200);
            count++;
        }
        assertThat(count).isEqualTo(5);
        assertThat(response.body()).contains("url: \"" + mount + "/openapi.yaml\"", "validatorUrl: null");
        assertThat(client.get(mount + "/openapi.yaml").status()).isEqualTo(200);
    }

    @Test
    void aForwardedPrefixIsWhereThePageSendsTheBrowser() {
        ApiResponse response = client.send(
                "GET", "/alpha/docs", BodyPublishers.noBody(), Map.of("X-Forwarded-Prefix", "/tools/meshprov/"));

        assertThat(response.body())
                .contains("href=\"/tools/meshprov/alpha/docs/swagger-ui.css\"")
                .contains("url: \"/tools/meshprov/alpha/openapi.yaml\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x\"><script>alert(1)</script>", "no-leading-slash", "/a/../b", "//evil.example"})
    void aForwardedPrefixThatIsNoPlainPathIsIgnored(String prefix) {
        ApiResponse response =
                client.send("GET", "/docs", BodyPublishers.noBody(), Map.of("X-Forwarded-Prefix", prefix));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("href=\"/docs/swagger-ui.css\"").doesNotContain("<script>alert");
    }

    @Test
    void theHealthProbesAreServedUnderEachPrefixForTheirTechnology() {
        ApiResponse ready = client.get("/alpha/health/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("technologies").has("alpha")).isTrue();
        assertThat(ready.json().path("technologies").has("beta"))
                .as("only this prefix's technology")
                .isFalse();
        assertThat(client.get("/beta/health/live").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
        "swagger-ui-bundle.js, text/javascript",
        "swagger-ui-standalone-preset.js, text/javascript",
        "swagger-ui.css, text/css",
        "favicon-32x32.png, image/png"
    })
    void assetsComeFromTheWebJarWithTheirContentType(String asset, String mediaType) {
        ApiResponse response = client.get("/docs/" + asset);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo(mediaType);
        assertThat(response.body()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"index.html", "swagger-initializer.js", "..%2Fpom.properties", "oauth2-redirect.html"})
    void onlyTheAssetsThePageUsesAreServed(String asset) {
        ApiResponse response = client.get("/docs/" + asset);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.mediaType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/docs/", "/mwaa/docs", "/mwaa/docs/", "/airbyte/docs/", "/cde/docs"})
    void aHeadlessBrowserRendersEveryOperationAtEachPathOfThePage(String page, @TempDir Path workingDirectory) {
        HeadlessChromium.ensureInstalled();
        try (TestServer real = realTechnologies(workingDirectory, "")) {
            assertRendersTheContract(real.client().base().resolve(page));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/docs/", "/mwaa/docs/"})
    void aHeadlessBrowserRendersThePageBehindAProxyThatAnnouncesItsPrefix(String page, @TempDir Path workingDirectory) {
        HeadlessChromium.ensureInstalled();
        try (TestServer real = realTechnologies(workingDirectory, "");
                PrefixProxy proxy = PrefixProxy.announcing(
                        "/platform/meshprov", real.client().base())) {
            assertRendersTheContract(proxy.published(page));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aHeadlessBrowserRendersThePageUnderAConfiguredBasePath(boolean behindProxy, @TempDir Path workingDirectory) {
        HeadlessChromium.ensureInstalled();
        try (TestServer real = realTechnologies(workingDirectory, "  basePath: /platform/meshprov\n");
                PrefixProxy proxy =
                        PrefixProxy.silent("/platform/meshprov", real.client().base())) {
            assertRendersTheContract(
                    behindProxy
                            ? proxy.published("/mwaa/docs")
                            : real.client().base().resolve("/platform/meshprov/mwaa/docs/"));
            assertThat(real.client().get("/platform/meshprov/mwaa/health/ready").status())
                    .isEqualTo(200);
        }
    }

    /** MWAA on the embedded default, Airbyte and CDE disabled: each has its prefix. */
    private static TestServer realTechnologies(Path workingDirectory, String serverSettings) {
        return RealTechnologies.serve(
                "server:\n  host: 127.0.0.1\n  port: 0\n" + serverSettings, workingDirectory, List.of());
    }

    private static void assertRendersTheContract(URI page) {
        String dom = HeadlessChromium.dumpDom(page, 10_000);

        assertThat(dom).as(page.toString()).contains("class=\"swagger-ui\"");
        for (String path : new String[] {
            "/v1/provision",
            "/v1/unprovision",
            "/v1/provision/{token}/status",
            "/v1/validate",
            "/v2/validate",
            "/v2/validate/{token}/status",
            "/v1/updateacl",
            "/v1/reverse-provisioning",
            "/v1/reverse-provisioning/{token}/status"
        }) {
            assertThat(dom).as("the page at %s lists %s", page, path).contains("data-path=\"" + path + "\"");
        }
    }
}
