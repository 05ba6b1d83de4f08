package dev.meshprov.http.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /docs}: Swagger UI showing the contract served at {@code /openapi.yaml}, and {@code GET /docs/{asset}}:
 * its scripts, styles and icons, every one from the {@code org.webjars:swagger-ui} jar (no CDN, nothing fetched
 * from the internet; the online spec validator is switched off). Only the assets the page uses are served, by exact
 * name; any other is the server's usual 404. The page refers to them relatively, so it also works behind a path prefix.
 */
final class ApiDocs {

    /** The page. */
    static final String PAGE = "/docs";

    /** The assets, by name. */
    static final String ASSET = "/docs/{asset}";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String HTML =
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>meshprov — Specific Provisioner API</title>
              <link rel="stylesheet" href="docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="docs/favicon-32x32.png" sizes="32x32">
              <link rel="icon" type="image/png" href="docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="docs/swagger-ui-bundle.js"></script>
              <script src="docs/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "openapi.yaml",
                  dom_id: "#swagger-ui",
                  validatorUrl: null,
                  deepLinking: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    private final String root;

    private ApiDocs(String root) {
        this.root = root;
    }

    /** Finds the Swagger UI version in the jar, at start-up. */
    static ApiDocs load() {
        Properties pom = new Properties();
        try (InputStream in = resource(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
        }
        return new ApiDocs(WEBJAR + pom.getProperty("version") + "/");
    }

    void page(Context ctx) {
        ctx.status(200).contentType("text/html; charset=utf-8").result(HTML.getBytes(StandardCharsets.UTF_8));
    }

    void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        InputStream in = type == null ? null : resource(root + name);
        if (in == null) {
            throw new NotFoundResponse();
        }
        ctx.status(200)
                .contentType(type)
                .header("Cache-Control", "max-age=3600")
                .result(in);
    }

    private static InputStream resource(String name) {
        return ApiDocs.class.getClassLoader().getResourceAsStream(name);
    }
}
