package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.HeadlessChromium;
import dev.meshprov.http.testing.TestServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /docs}: Swagger UI from the WebJar, rendering the contract in a real headless browser. */
class ApiDocsTest {

    private static TestServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageLoadsEveryAssetFromThisServerAndTheContractFromOpenapiYaml() {
        ApiResponse page = client.get("/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.mediaType()).isEqualTo("text/html");
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int count = 0;
        while (references.find()) {
            String reference = references.group(1);
            assertThat(reference)
                    .as("served by this server, relative to the page")
                    .startsWith("docs/");
            assertThat(client.get("/" + reference).status()).as(reference).isEqualTo(200);
            count++;
        }
        assertThat(count).isEqualTo(5);
        assertThat(page.body()).contains("url: \"openapi.yaml\"", "validatorUrl: null");
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

    @Test
    void aHeadlessBrowserRendersEveryOperationOfTheContract() {
        HeadlessChromium.ensureInstalled();

        String dom = HeadlessChromium.dumpDom(client.base().resolve("/docs"), 10_000);

        assertThat(dom).contains("class=\"swagger-ui\"");
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
            assertThat(dom).as("the rendered page lists %s", path).contains("data-path=\"" + path + "\"");
        }
    }
}
