package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.cde.CdeGateway;
import dev.meshprov.core.cde.CdeJob;
import dev.meshprov.core.cde.CdeResource;
import dev.meshprov.core.cde.Done;
import dev.meshprov.core.cde.ResourceDefinition;
import dev.meshprov.core.cde.VcEndpoint;
import dev.meshprov.core.model.UpstreamFailure;
import feign.Response;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CDE jobs API through Feign (JSON calls) and {@link MultipartUpload} (file uploads). Every call carries a
 * Knox token of the service; a 401 makes it fetch one new token and try once more. Reads, deletes and updates are
 * retried when that may help; creates, uploads and runs are never repeated blindly.
 */
final class FeignCdeGateway implements CdeGateway {

    static final String SYSTEM = "CDE";

    private final CdeJobsApi api;
    private final MultipartUpload upload;
    private final KnoxTokens tokens;
    private final UpstreamCalls calls;
    private final HttpFailures failures;
    private final ObjectMapper json;

    FeignCdeGateway(
            CdeJobsApi api,
            MultipartUpload upload,
            KnoxTokens tokens,
            UpstreamCalls calls,
            HttpFailures failures,
            ObjectMapper json) {
        this.api = api;
        this.upload = upload;
        this.tokens = tokens;
        this.calls = calls;
        this.failures = failures;
        this.json = json;
    }

    /** One call of the jobs API, authenticated, with one token refresh on 401. */
    private interface Call {
        Attempt<HttpAnswer> attempt(String authorization);
    }

    private Either<UpstreamFailure, HttpAnswer> call(
            VcEndpoint vc, String operation, String path, boolean safe, Call call) {
        Either<UpstreamFailure, HttpAnswer> first = withToken(vc, operation, path, safe, call);
        if (first.isRight() && first.get().status() == 401) {
            return withToken(vc, operation, path, safe, call);
        }
        return first;
    }

    private Either<UpstreamFailure, HttpAnswer> withToken(
            VcEndpoint vc, String operation, String path, boolean safe, Call call) {
        return tokens.token(vc)
                .flatMap(token -> calls.call(SYSTEM, operation, path, safe, () -> call.attempt("Bearer " + token))
                        .peek(answer -> {
                            if (answer.status() == 401) {
                                tokens.invalidate(vc, token);
                            }
                        }));
    }

    /** One request of the Feign jobs API, to the virtual cluster's API URL. */
    private interface Request {
        Response send(URI base, String authorization);
    }

    private Either<UpstreamFailure, HttpAnswer> feignCall(
            VcEndpoint vc, String operation, String path, boolean safe, Request request) {
        return call(
                vc,
                operation,
                path,
                safe,
                auth -> failures.feign(operation, () -> request.send(URI.create(vc.apiUrl()), auth)));
    }

    /** 2xx → {@code ok}; 404 → {@code absent} when given; anything else → its failure. */
    private <T> Either<UpstreamFailure, T> interpret(
            String operation,
            HttpAnswer answer,
            Function<HttpAnswer, Either<UpstreamFailure, T>> ok,
            Optional<T> absent) {
        if (answer.ok()) {
            return ok.apply(answer);
        }
        if (answer.status() == 404 && absent.isPresent()) {
            return Either.right(absent.get());
        }
        return Either.left(failures.failure(operation, answer));
    }

    /** A read of one entity: 2xx → the entity its JSON object describes; 404 → none. */
    private <T> Either<UpstreamFailure, Optional<T>> found(
            String operation, HttpAnswer answer, Function<JsonNode, T> entity) {
        return interpret(
                operation,
                answer,
                ok -> body(operation, ok).map(node -> Optional.of(entity.apply(node))),
                Optional.of(Optional.empty()));
    }

    /** A write: 2xx → done; anything else, 404 included, → its failure. */
    private Either<UpstreamFailure, Done> done(String operation, HttpAnswer answer) {
        return interpret(operation, answer, ok -> Either.right(Done.DONE), Optional.empty());
    }

    /** A delete: 2xx → deleted ({@code true}); 404 → there was nothing to delete ({@code false}). */
    private Either<UpstreamFailure, Boolean> deleted(String operation, HttpAnswer answer) {
        return interpret(operation, answer, ok -> Either.right(true), Optional.of(false));
    }

    private Either<UpstreamFailure, JsonNode> body(String operation, HttpAnswer answer) {
        try {
            JsonNode node = json.readTree(answer.body());
            return node != null && node.isObject()
                    ? Either.right(node)
                    : Either.left(failures.malformed(operation, "the answer is not a JSON object"));
        } catch (IOException e) {
            return Either.left(failures.malformed(operation, "the answer is not JSON"));
        }
    }

    // ---------------------------------------------------------------- resources

    @Override
    public Either<UpstreamFailure, Optional<CdeResource>> getResource(VcEndpoint vc, String name) {
        String operation = "GET /resources/{name}";
        return feignCall(vc, operation, "/resources/" + name, true, (base, auth) -> api.getResource(base, auth, name))
                .flatMap(answer -> found(operation, answer, node -> JobsWire.resource(node, name)));
    }

    @Override
    public Either<UpstreamFailure, Done> createResource(VcEndpoint vc, ResourceDefinition definition) {
        String operation = "POST /resources";
        Map<String, Object> body = JobsWire.resourceBody(definition);
        return feignCall(vc, operation, "/resources", false, (base, auth) -> api.createResource(base, auth, body))
                .flatMap(answer -> done(operation, answer));
    }

    @Override
    public Either<UpstreamFailure, Done> uploadFile(
            VcEndpoint vc, String resource, String fileName, InputStream content, long length) {
        String operation = "PUT /resources/{name}/{file}";
        String path = MultipartUpload.path(resource, fileName);
        // the content can be sent once only: no retry, and no second try after a refused token (which is dropped,
        // so the next provisioning fetches a new one)
        return withToken(vc, operation, path, false, auth -> {
                    try {
                        return failures.classify(
                                operation, upload.put(vc.apiUrl(), auth, resource, fileName, content, length));
                    } catch (IOException e) {
                        return failures.ioFailure(operation, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return failures.ioFailure(operation, e);
                    }
                })
                .flatMap(answer -> done(operation, answer));
    }

    @Override
    public Either<UpstreamFailure, Boolean> deleteFile(VcEndpoint vc, String resource, String fileName) {
        String operation = "DELETE /resources/{name}/{file}";
        return feignCall(
                        vc,
                        operation,
                        MultipartUpload.path(resource, fileName),
                        true,
                        (base, auth) -> api.deleteFile(base, auth, resource, fileName))
                .flatMap(answer -> deleted(operation, answer));
    }

    @Override
    public Either<UpstreamFailure, Boolean> deleteResource(VcEndpoint vc, String name) {
        String operation = "DELETE /resources/{name}";
        return feignCall(
                        vc, operation, "/resources/" + name, true, (base, auth) -> api.deleteResource(base, auth, name))
                .flatMap(answer -> deleted(operation, answer));
    }

    // ---------------------------------------------------------------- jobs

    @Override
    public Either<UpstreamFailure, Optional<CdeJob>> getJob(VcEndpoint vc, String name) {
        String operation = "GET /jobs/{name}";
        return feignCall(vc, operation, "/jobs/" + name, true, (base, auth) -> api.getJob(base, auth, name))
                .flatMap(answer -> found(operation, answer, node -> JobsWire.job(node, name)));
    }

    @Override
    public Either<UpstreamFailure, Done> createJob(VcEndpoint vc, CdeJob job) {
        String operation = "POST /jobs";
        Map<String, Object> body = JobsWire.createBody(job);
        return feignCall(vc, operation, "/jobs", false, (base, auth) -> api.createJob(base, auth, body))
                .flatMap(answer -> done(operation, answer));
    }

    @Override
    public Either<UpstreamFailure, Done> updateJob(VcEndpoint vc, CdeJob job) {
        String operation = "PATCH /jobs/{name}";
        Map<String, Object> body = JobsWire.updateBody(job);
        return feignCall(
                        vc,
                        operation,
                        "/jobs/" + job.name(),
                        true,
                        (base, auth) -> api.updateJob(base, auth, job.name(), body))
                .flatMap(answer -> done(operation, answer));
    }

    @Override
    public Either<UpstreamFailure, Boolean> deleteJob(VcEndpoint vc, String name) {
        String operation = "DELETE /jobs/{name}";
        return feignCall(vc, operation, "/jobs/" + name, true, (base, auth) -> api.deleteJob(base, auth, name))
                .flatMap(answer -> deleted(operation, answer));
    }

    @Override
    public Either<UpstreamFailure, String> runJob(VcEndpoint vc, String name) {
        String operation = "POST /jobs/{name}/run";
        return feignCall(
                        vc,
                        operation,
                        "/jobs/" + name + "/run",
                        false,
                        (base, auth) -> api.runJob(base, auth, name, Map.of()))
                .flatMap(answer -> interpret(
                        operation,
                        answer,
                        ok -> body(operation, ok).flatMap(node -> JobsWire.runId(node)
                                .<Either<UpstreamFailure, String>>map(Either::right)
                                .orElseGet(
                                        () -> Either.left(failures.malformed(operation, "the answer has no run id")))),
                        Optional.empty()));
    }
}
