package dev.meshprov.http.api;

import dev.meshprov.http.bootstrap.ServerSettings;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code GET /docs} (and {@code /docs/}): Swagger UI showing the contract served at {@code /openapi.yaml}, and
 * {@code GET /docs/{asset}}: its scripts, styles and icons, every one from the {@code org.webjars:swagger-ui} jar (no
 * CDN, nothing fetched from the internet; the online spec validator is switched off). Only the assets the page uses
 * are served, by exact name; any other is the server's usual 404. Served under each mount (the root, each
 * technology's prefix, {@code server.basePath}); the page's links are absolute paths of its own mount, prefixed with
 * what a reverse proxy announces in {@code X-Forwarded-Prefix} (else {@code server.basePath} when the request came
 * without it), so that it works with or without a trailing slash and behind a proxy; "Try it out" sends the requests
 * to the same mount.
 */
final class ApiDocs {

    /** The page, under a mount. */
    static final String PAGE = "/docs";

    /** The assets, by name, under a mount. */
    static final String ASSET = "/docs/{asset}";

    /** The header a reverse proxy announces the prefix it publishes meshprov under with. */
    static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";

    private static final String BASE = "{{base}}";
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
              <link rel="stylesheet" href="{{base}}/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="{{base}}/docs/favicon-32x32.png" sizes="32x32">
              <link rel="icon" type="image/png" href="{{base}}/docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="{{base}}/docs/swagger-ui-bundle.js"></script>
              <script src="{{base}}/docs/swagger-ui-standalone-preset.js"></script>
              <script>
                var base = "{{base}}";
                window.ui = SwaggerUIBundle({
                  url: "{{base}}/openapi.yaml",
                  dom_id: "#swagger-ui",
                  validatorUrl: null,
                  deepLinking: true,
                  requestInterceptor: function (request) {
                    var target = new URL(request.url, window.location.href);
                    if (target.origin === window.location.origin && target.pathname.indexOf(base + "/") !== 0) {
                      target.pathname = base + target.pathname;
                      request.url = target.toString();
                    }
                    return request;
                  },
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

    /**
     * The page of the mount at {@code routePrefix} (the path its routes are registered under, e.g. {@code /mwaa} or
     * {@code /platform/meshprov/mwaa}); {@code basePath} is {@code server.basePath} ({@code ""} when none).
     */
    void page(Context ctx, String routePrefix, String basePath) {
        String html = HTML.replace(BASE, base(ctx.header(FORWARDED_PREFIX), routePrefix, basePath));
        ctx.status(200).contentType("text/html; charset=utf-8").result(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where the browser reaches the mount: the announced prefix (when it is a plain path), else the base path when
     * the request came without it, before the route's own prefix.
     */
    static String base(String forwarded, String routePrefix, String basePath) {
        Optional<String> announced = Optional.ofNullable(forwarded)
                .map(String::strip)
                .map(value -> value.endsWith("/") ? value.substring(0, value.length() - 1) : value)
                .filter(value -> value.length() <= 200
                        && ServerSettings.PATH_PREFIX.matcher(value).matches());
        boolean underBasePath = !basePath.isEmpty() && routePrefix.startsWith(basePath);
        return announced.orElse(underBasePath ? "" : basePath) + routePrefix;
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
