package dev.meshprov.http.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract check is trusted only because it is seen to fail on responses that break the contract. */
class ContractValidatorTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /v1/validate | 200 | application/json | {\"valid\":true}",
                "POST | /alpha/v1/validate | 200 | application/json | {\"valid\":true}",
                "POST | /v1/provision | 202 | text/plain; charset=utf-8 | 6f1c2a3e-token",
                "POST | /v2/validate | 202 | application/json | \"6f1c2a3e-token\"",
                "GET | /v1/provision/abc/status | 200 | application/json | {\"status\":\"COMPLETED\",\"result\":\"\",\"logs\":[]}",
                "POST | /v1/provision | 413 | application/json | {\"errors\":[\"body: too large\"]}",
                "GET | /health/live | 200 | application/json | {\"status\":\"UP\"}",
                // could not check: a SystemError on both validations
                "POST | /v1/validate | 500 | application/json | {\"error\":\"could not check: S3 HeadObject s3://b/k: unreachable: refused\",\"userMessage\":\"Validation could not be completed.\",\"moreInfo\":{\"problems\":[\"p\"],\"solutions\":[\"s\"]}}",
                "GET | /mwaa/v2/validate/t/status | 500 | application/json | {\"error\":\"could not check: S3 HeadObject s3://b/k: forbidden: denied\"}",
            })
    void acceptsConformingResponses(String method, String path, int status, String contentType, String body) {
        assertThatCode(() -> ContractValidator.check(method, path, new ApiResponse(status, contentType, body)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                // an extra property
                "POST | /v1/validate | 200 | application/json | {\"valid\":true,\"extra\":1}",
                // a null optional field
                "POST | /v1/validate | 200 | application/json | {\"valid\":false,\"error\":null}",
                // a status the operation does not define
                "POST | /v1/validate | 400 | application/json | {\"errors\":[]}",
                // the async token as JSON instead of text
                "POST | /v1/provision | 202 | application/json | \"6f1c2a3e-token\"",
                // the /v2/validate token without quotes is not a JSON string
                "POST | /v2/validate | 202 | application/json | 6f1c2a3e-token",
                // an unknown log level
                "GET | /v1/provision/abc/status | 200 | application/json | {\"status\":\"COMPLETED\",\"result\":\"\",\"logs\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"level\":\"WARN\",\"message\":\"m\"}]}",
                // a missing required field, under a technology prefix
                "GET | /alpha/v1/provision/abc/status | 200 | application/json | {\"status\":\"COMPLETED\"}",
                // could not check answered as an invalid descriptor with the wrong status, or without the error
                "POST | /v1/validate | 500 | application/json | {\"valid\":false,\"error\":{\"errors\":[\"x\"]}}",
                "GET | /v2/validate/t/status | 500 | application/json | {\"userMessage\":\"could not check\"}",
                // an HTTP-layer status whose body is not a RequestValidationError
                "POST | /v1/provision | 413 | text/plain | Content Too Large",
            })
    void rejectsResponsesThatBreakTheContract(String method, String path, int status, String contentType, String body) {
        assertThatThrownBy(() -> ContractValidator.check(method, path, new ApiResponse(status, contentType, body)))
                .isInstanceOf(AssertionError.class);
    }
}
