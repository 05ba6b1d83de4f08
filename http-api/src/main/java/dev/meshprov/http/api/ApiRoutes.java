package dev.meshprov.http.api;

import dev.meshprov.core.service.Provisioner;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.AuthSettings;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Declares every route of the server in the Javalin configuration: each path of the contract, the health probes, the
 * contract itself and its Swagger UI at the root and under each technology's prefix (and all of it again under
 * {@code server.basePath}, when set), the metrics, the error
 * mapping, the correlation id of each request, the request log and, when tokens are configured, bearer
 * authentication of the contract endpoints.
 */
public final class ApiRoutes {

    /** The paths of the Specific Provisioner API 2.2.0, as served under every mount. */
    static final List<String> CONTRACT_PATHS = List.of(
            "POST /v1/validate",
            "POST /v2/validate",
            "GET /v2/validate/{token}/status",
            "POST /v1/provision",
            "POST /v1/unprovision",
            "GET /v1/provision/{token}/status",
            "POST /v1/updateacl",
            "POST /v1/reverse-provisioning",
            "GET /v1/reverse-provisioning/{token}/status");

    private ApiRoutes() {}

    /** Adds the routes, error handlers and request log of {@code application} to {@code config}. */
    public static void install(JavalinConfig config, Application application) {
        Provisioner provisioner = application.provisioner();
        Responder responder = new Responder(application.redactor());
        Outcomes outcomes = new Outcomes(responder);
        TokenLookup tokens = new TokenLookup(responder);
        RequestBody body = new RequestBody(application.settings().server().maxBodyBytes());
        ValidationEndpoints validation = new ValidationEndpoints(provisioner, responder, outcomes, tokens, body);
        ProvisioningEndpoints provisioning = new ProvisioningEndpoints(provisioner, responder, outcomes, tokens, body);
        ReverseProvisioningEndpoints reverse =
                new ReverseProvisioningEndpoints(provisioner, responder, outcomes, tokens, body);
        HealthEndpoints health = new HealthEndpoints(provisioner, responder);
        ContractEndpoint contract = ContractEndpoint.load();
        MetricsEndpoint metrics = new MetricsEndpoint(application.metrics());
        ApiDocs docs = ApiDocs.load();
        String basePath = application.settings().server().prefix();
        List<Mount> mounts = Mount.of(provisioner, basePath);

        RoutesConfig routes = config.routes;
        routes.before(RequestTracing::begin);
        AuthSettings auth = application.settings().server().auth();
        if (auth.enabled()) {
            routes.before(new BearerAuth(auth.tokens(), responder, basePath)::check);
        }
        for (Mount mount : mounts) {
            routes.post(mount.path("/v1/validate"), ctx -> validation.validate(ctx, mount.target()));
            routes.post(mount.path("/v2/validate"), ctx -> validation.validateAsync(ctx, mount.target()));
            routes.get(mount.path("/v2/validate/{token}/status"), validation::status);
            routes.post(mount.path("/v1/provision"), ctx -> provisioning.provision(ctx, mount.target()));
            routes.post(mount.path("/v1/unprovision"), ctx -> provisioning.unprovision(ctx, mount.target()));
            routes.get(mount.path("/v1/provision/{token}/status"), provisioning::status);
            routes.post(mount.path("/v1/updateacl"), ctx -> provisioning.updateAcl(ctx, mount.target()));
            routes.post(mount.path("/v1/reverse-provisioning"), ctx -> reverse.reverse(ctx, mount.target()));
            routes.get(mount.path("/v1/reverse-provisioning/{token}/status"), reverse::status);
            routes.get(mount.path("/health/live"), health::live);
            routes.get(
                    mount.path("/health/ready"),
                    ctx -> health.ready(ctx, mount.target().technology()));
            routes.get(mount.path("/openapi.yaml"), contract::serve);
            routes.get(mount.path(ApiDocs.PAGE), ctx -> docs.page(ctx, mount.prefix(), basePath));
            routes.get(mount.path(ApiDocs.ASSET), docs::asset);
        }
        routes.get("/metrics", metrics::serve);

        ErrorMapping errors = new ErrorMapping(
                responder,
                application.redactor(),
                application.settings().server().maxBodyBytes(),
                describe(mounts));
        routes.exception(HttpResponseException.class, errors::refused);
        routes.exception(Exception.class, errors::bug);
        config.requestLogger.http(new RequestLog(application.metrics())::log);
    }

    private static String describe(List<Mount> mounts) {
        String prefixes = mounts.stream()
                .map(Mount::prefix)
                .filter(prefix -> !prefix.isEmpty())
                .collect(Collectors.joining(", "));
        return String.join(", ", CONTRACT_PATHS)
                + "; GET /health/live, GET /health/ready, GET /openapi.yaml, GET /docs"
                + (prefixes.isEmpty() ? "" : " (all also under " + prefixes + ")")
                + "; GET /metrics";
    }
}
