package dev.meshprov.airbyte;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Airbyte's own contract of its public API, read from the vendored files (see {@code vendor/airbyte/README.md}):
 * the OpenAPI document the {@code /api/public/v1} server is generated from ({@code config.yaml}, its {@code /public}
 * paths), judged with the swagger-request-validator, and the problem bodies of {@code api-problems.yaml}, judged
 * with the JSON Schema validator Airbyte uses. Read once per JVM (parsing the document takes about a second).
 */
final class AirbyteContract {

    /** Where the document's server lives: its {@code servers} URL ends in {@code /api}. */
    static final String SERVER_PATH = "/api";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "vendor/airbyte/platform/config.yaml";
    private static final String PROBLEMS = "vendor/airbyte/platform/api-problems.yaml";
    /** JSON Schema draft 07, as the platform validates with; Airbyte's own keywords are annotations. */
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                    .build()));

    private static final class Holder {
        static final AirbyteContract INSTANCE = new AirbyteContract();
    }

    private final OpenApiInteractionValidator api;
    private final JsonNode problemComponents;
    private final Map<String, JsonSchema> problemSchemas = new ConcurrentHashMap<>();

    private AirbyteContract() {
        this.api = OpenApiInteractionValidator.createFor(publicPaths()).build();
        try (InputStream in = resource(PROBLEMS)) {
            this.problemComponents = new YAMLMapper().readTree(in).path("components");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AirbyteContract get() {
        return Holder.INSTANCE;
    }

    /** The document's operations under {@code /public}: what the public API server serves. */
    private static OpenAPI publicPaths() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String text;
        try (InputStream in = resource(DOCUMENT)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenAPI document =
                new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
        Paths kept = new Paths();
        document.getPaths().forEach((path, item) -> {
            if (path.startsWith("/public/")) {
                kept.addPathItem(path, item);
            }
        });
        document.setPaths(kept);
        return document;
    }

    /**
     * What breaks the document in a request: unknown path or method, query parameters, body.
     *
     * @param path the path below the server's {@code /api}, e.g. {@code /public/v1/sources}
     */
    List<String> request(String method, String path, String rawQuery, String contentType, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
        query(rawQuery).forEach((name, values) -> request.withQueryParam(name, values));
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body.length > 0) {
            request.withBody(body);
        }
        return errors(api.validateRequest(request.build())).stream()
                .filter(error -> !documentContradiction(method, path, error))
                .toList();
    }

    /**
     * The one rule of the document no request can keep: the token request's schema requires {@code grant_type}
     * but defines {@code grant-type} and no other properties, so a body is refused with either. The server reads
     * neither (it takes the client id and secret); meshprov sends the property the schema defines.
     */
    private static boolean documentContradiction(String method, String path, String error) {
        return method.equals("POST")
                && path.equals("/public/v1/applications/token")
                && error.startsWith("validation.request.body.schema.required:")
                && error.contains("[\"grant_type\"]");
    }

    /** What breaks the document in a successful answer (status, content type, body). */
    List<String> answer(String method, String path, int status, String contentType, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body.length > 0) {
            response.withBody(body);
        }
        return errors(
                api.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build()));
    }

    /**
     * A problem body as the server builds it: the type, title, status and detail the problems document gives as
     * defaults for {@code problem}, the given detail instead when not null, and {@code data} when not null.
     */
    ObjectNode problem(String problem, String detail, JsonNode data) {
        JsonNode own = ownFields(problem);
        ObjectNode body = JSON.createObjectNode();
        body.put("status", own.path("status").path("default").asInt());
        body.put("type", own.path("type").path("default").asText());
        body.put("title", own.path("title").path("default").asText());
        body.put(
                "detail",
                detail != null ? detail : own.path("detail").path("default").asText());
        if (data != null) {
            body.set("data", data);
        }
        return body;
    }

    /** What breaks the problems document in a problem body of the named problem. */
    List<String> problemViolations(String problem, JsonNode body) {
        JsonSchema schema = problemSchemas.computeIfAbsent(problem, name -> {
            ObjectNode document = JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
            document.set("components", problemComponents);
            return SCHEMAS.getSchema(document);
        });
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(body)) {
            violations.add(message.getMessage());
        }
        return violations;
    }

    /** The problem whose type and title a body carries; empty when it carries none of the document's. */
    Optional<String> problemOf(JsonNode body) {
        Iterator<Map.Entry<String, JsonNode>> schemas =
                problemComponents.path("schemas").fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            JsonNode own = ownFields(schema.getKey());
            if (own.path("type")
                            .path("default")
                            .asText()
                            .equals(body.path("type").asText())
                    && own.path("title")
                            .path("default")
                            .asText()
                            .equals(body.path("title").asText())) {
                return Optional.of(schema.getKey());
            }
        }
        return Optional.empty();
    }

    /** The properties a problem adds to the base fields (its second {@code allOf} member). */
    private JsonNode ownFields(String problem) {
        JsonNode schema = problemComponents.path("schemas").path(problem);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("the problems document has no " + problem);
        }
        return schema.path("allOf").path(1).path("properties");
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    static InputStream resource(String name) {
        InputStream in = AirbyteContract.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath");
        }
        return in;
    }
}
