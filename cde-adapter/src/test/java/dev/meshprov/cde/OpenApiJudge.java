package dev.meshprov.cde;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges requests and answers by an OpenAPI (or Swagger 2.0) document with the swagger-request-validator: the
 * path, the method, the query, the content type and the body of each request, and the status, content type and
 * body of each answer. Returns the errors found, as lines a test failure can show.
 */
final class OpenApiJudge {

    private final OpenApiInteractionValidator validator;

    /**
     * @param specification the document
     * @param openAnswers whether answers may carry fields the document does not name (the validator refuses them by
     *     default): for contracts that show only the fields meshprov reads
     */
    OpenApiJudge(String specification, boolean openAnswers) {
        OpenApiInteractionValidator.Builder builder = OpenApiInteractionValidator.createForInlineApiSpecification(
                        specification)
                .withStrictOperationPathMatching();
        if (openAnswers) {
            builder.withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build());
        }
        this.validator = builder.build();
    }

    /** A test resource as text. */
    static String resource(String name) {
        try (InputStream in = OpenApiJudge.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of a request; {@code body} {@code null} when it had none (or is judged elsewhere). */
    List<String> request(String method, String path, Map<String, List<String>> query, String contentType, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
        query.forEach(request::withQueryParam);
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body != null) {
            request.withBody(body, StandardCharsets.UTF_8);
        }
        return errors(validator.validateRequest(request.build()));
    }

    /** The errors of an answer to {@code method path}. */
    List<String> response(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null) {
            response.withBody(body, StandardCharsets.UTF_8);
        }
        return errors(validator.validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build()));
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }
}
