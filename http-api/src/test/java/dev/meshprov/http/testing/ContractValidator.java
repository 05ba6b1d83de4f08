package dev.meshprov.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a captured response — status code, content type and body — against {@code interface-specification.yml}
 * with the swagger-request-validator. Paths under a technology prefix ({@code /alpha/v1/...}) are checked as the
 * contract path without the prefix. Paths outside the contract (health probes, {@code /openapi.yaml}, {@code /metrics}, {@code /docs}) are
 * skipped.
 * The statuses the HTTP layer adds to the contract (401, 404, 405, 413) carry a {@code RequestValidationError}; their
 * body is checked as the contract's 400 body of {@code POST /v1/provision}.
 */
public final class ContractValidator {

    /** Statuses outside the contract, answered with the contract's RequestValidationError body. */
    public static final Set<Integer> HTTP_LAYER_STATUSES = Set.of(401, 404, 405, 413);

    private static final Pattern PREFIXED = Pattern.compile("^/[a-z][a-z0-9-]*(?=/v[12]/)");
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(contract())
                    .build();

    private ContractValidator() {}

    /** Fails the test when the response does not conform to the contract. */
    public static void check(String method, String path, ApiResponse response) {
        String contractPath = PREFIXED.matcher(path).replaceFirst("");
        if (HTTP_LAYER_STATUSES.contains(response.status())) {
            assertConforms("POST", "/v1/provision", response.withStatus(400), method + " " + path);
            return;
        }
        if (!contractPath.startsWith("/v1/") && !contractPath.startsWith("/v2/")) {
            return;
        }
        assertConforms(method, contractPath, response, method + " " + path);
    }

    private static void assertConforms(String method, String path, ApiResponse response, String request) {
        SimpleResponse.Builder captured = SimpleResponse.Builder.status(response.status());
        if (response.contentType() != null) {
            captured.withContentType(response.contentType());
        }
        captured.withBody(response.body(), StandardCharsets.UTF_8);
        ValidationReport report = VALIDATOR.validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), captured.build());
        String errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage()
                        + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
                .collect(Collectors.joining("\n"));
        assertThat(errors)
                .as(
                        "response of %s (status %s, %s) against the contract:%n%s",
                        request, response.status(), response.contentType(), response.body())
                .isEmpty();
    }

    /** The contract as shipped in the main resources. */
    public static String contract() {
        try (InputStream in =
                ContractValidator.class.getClassLoader().getResourceAsStream("interface-specification.yml")) {
            if (in == null) {
                throw new IllegalStateException("interface-specification.yml is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
