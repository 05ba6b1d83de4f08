package dev.meshprov.http.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.mwaa.LocalS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, reproducible fuzzing of the API with hostile requests derived from the example requests (see
 * {@link RequestMutator}), against the three real technologies and their loopback upstreams, provisioning for real
 * in the product's default modes (Airbyte and CDE async, MWAA sync). For every case: never a 5xx, an answer within
 * the client's time-out, a body that conforms to the contract (the rich error body for a 4xx), no configured secret
 * in it; every accepted task polled to its end within the client's time-out, its status conforming to the contract,
 * COMPLETED or a FAILED that names the upstream call that failed (never an internal error), no secret in any status;
 * at the end: nothing written outside the working directory, no system file copied in, and the server still live.
 *
 * <p>The cases are generated from the seed, each from its own split generator, so a case is the same whatever the
 * order of sending. Reproduce a failure with {@code -Dmeshprov.fuzz.seed=<seed> -Dmeshprov.fuzz.only=<case>}; change
 * the size with {@code -Dmeshprov.fuzz.cases=<n>}; {@code -Dmeshprov.fuzz.senders=1} sends them one after the other
 * (by default 4 at once, so the upstreams' state between cases may interleave differently from run to run).
 */
class HostileInputFuzzTest {

    private static final long SEED = Long.getLong("meshprov.fuzz.seed", 0x6d65736870726f76L);
    private static final int CASES = Integer.getInteger("meshprov.fuzz.cases", 10_000);
    /** When set, only this case is sent (the others are still generated, so that it is the same case). */
    private static final Integer ONLY = Integer.getInteger("meshprov.fuzz.only");

    /** Requests in flight at once; 1 replays the run in exactly the same order. */
    private static final int SENDERS = Integer.getInteger("meshprov.fuzz.senders", 4);
    /** Where the status of a task started by each path is polled. */
    private static final Map<String, String> TASK_STATUS_PATHS = Map.of(
            "/v1/provision", "/v1/provision/%s/status",
            "/v1/unprovision", "/v1/provision/%s/status",
            "/v1/updateacl", "/v1/provision/%s/status",
            "/v1/reverse-provisioning", "/v1/reverse-provisioning/%s/status");

    /** How a failed upstream call is described: "Airbyte POST /v1/sources failed", "S3 HeadObject ... failed". */
    private static final java.util.regex.Pattern UPSTREAM_CALL =
            java.util.regex.Pattern.compile("^(Airbyte|CDE|CDP|S3|Knox|MWAA|Airflow)\\b.* failed");

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET);

    @TempDir
    Path root;

    @Test
    void hostileRequestsAreAnsweredWithinTheContractAndStayConfined() throws IOException {
        Path workingDirectory = Files.createDirectories(root.resolve("a/b/c/d/e/f/g/h/i/work"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        RequestMutator mutator = new RequestMutator(RealTechnologies.exampleRequests(), new HostileValues(outside));
        Map<String, Integer> statuses = new TreeMap<>();
        try (RealTechnologies technologies =
                RealTechnologies.start(RealTechnologies.DEFAULT_MODES, workingDirectory, LocalS3.endpoint(S3), "")) {
            ApiClient client = technologies.server().client();
            List<Future<FuzzCase>> answers = new ArrayList<>();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            try {
                SplittableRandom random = new SplittableRandom(SEED);
                for (int number = 0; number < CASES; number++) {
                    SplittableRandom own = random.split();
                    if (ONLY == null || ONLY == number) {
                        int caseNumber = number;
                        answers.add(senders.submit(() -> send(client, mutator.next(caseNumber, own))));
                    }
                }
                for (Future<FuzzCase> answer : answers) {
                    FuzzCase sent = await(answer);
                    statuses.merge(sent.path() + " " + sent.outcome(), 1, Integer::sum);
                }
            } finally {
                senders.shutdownNow();
            }
            assertThat(client.get("/health/live").status())
                    .as("seed %s: the server is live after %s cases", SEED, CASES)
                    .isEqualTo(200);
        }
        assertConfined(root, workingDirectory, outside);
        System.out.printf("fuzz seed %d, %d cases: %s%n", SEED, CASES, statuses);
    }

    private static FuzzCase await(Future<FuzzCase> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends the case and checks the answer, and the task's end when it was accepted; the case with its outcome. */
    private static FuzzCase send(ApiClient client, FuzzCase fuzzCase) {
        try {
            ApiResponse response = client.post(fuzzCase.path(), fuzzCase.body());
            check(fuzzCase, response);
            String outcome = String.valueOf(response.status());
            if (response.status() == 202) {
                outcome += " " + finished(client, fuzzCase, response.body());
            }
            return fuzzCase.answered(outcome);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "fuzz case failed (reproduce with -Dmeshprov.fuzz.seed=" + SEED + "): " + fuzzCase.summary() + "\n"
                            + e.getMessage(),
                    e);
        }
    }

    /** A 4xx with the rich body, a 200 conforming to the contract, or a 202 of an operation that may be async. */
    private static void check(FuzzCase fuzzCase, ApiResponse response) {
        assertThat(response.status()).as("never a 5xx: %s", response.body()).isLessThan(500);
        if (response.status() == 202) {
            assertThat(fuzzCase.path()).as("only mutations run as tasks").isIn(TASK_STATUS_PATHS.keySet());
            return;
        }
        assertThat(response.mediaType()).isEqualTo("application/json");
        JsonNode body = response.json();
        if (response.status() >= 400) {
            assertThat(body.path("errors").isArray() && !body.path("errors").isEmpty())
                    .as("a 4xx carries its problems: %s", body)
                    .isTrue();
            assertThat(body.path("userMessage").asText()).isNotBlank();
            assertThat(body.path("moreInfo").path("solutions")).isNotEmpty();
        } else if (fuzzCase.path().endsWith("/validate") && !body.path("valid").asBoolean()) {
            assertThat(body.path("error").path("errors"))
                    .as("an invalid descriptor says why: %s", body)
                    .isNotEmpty();
        }
    }

    /**
     * Polls the accepted task to its end (the client checks each status against the contract and for secrets): it
     * completed, or it failed for a reason that is no bug — a provisioning task naming the upstream call that refused
     * the hostile input it was handed, a reverse provisioning task (which validates its parameters as it runs) with
     * error logs saying what was wrong. Its final status.
     */
    private static String finished(ApiClient client, FuzzCase fuzzCase, String token) {
        ApiResponse status =
                client.pollUntilFinished(TASK_STATUS_PATHS.get(fuzzCase.path()).formatted(token));
        assertThat(status.status())
                .as("the status of task %s: %s", token, status.body())
                .isEqualTo(200);
        JsonNode body = status.json();
        String state = body.path("status").asText();
        assertThat(state).as("task %s: %s", token, status.body()).isIn("COMPLETED", "FAILED");
        if (state.equals("FAILED") && fuzzCase.path().equals("/v1/reverse-provisioning")) {
            List<String> errors = new ArrayList<>();
            body.path("logs").forEach(log -> {
                if (log.path("level").asText().equals("ERROR")) {
                    errors.add(log.path("message").asText());
                }
            });
            assertThat(errors)
                    .as("a failed reverse provisioning says why, and it is no bug: %s", status.body())
                    .isNotEmpty()
                    .noneMatch(message -> message.contains("Internal error"));
        } else if (state.equals("FAILED")) {
            assertThat(body.path("result").asText())
                    .as("a failed task names the upstream call that failed, it is no bug: %s", status.body())
                    .doesNotContain("Internal error")
                    .containsPattern(UPSTREAM_CALL);
        }
        return state;
    }

    /** Every file written lies in the working directory; none holds a copy of a system file. */
    private static void assertConfined(Path root, Path workingDirectory, Path outside) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written)
                    .as("seed %s: files written outside %s", SEED, workingDirectory)
                    .allMatch(file -> file.startsWith(workingDirectory));
            for (Path file : written) {
                String content = read(file);
                assertThat(content).as("seed %s: %s", SEED, file).doesNotContain("root:x:0:0");
            }
        }
        try (Stream<Path> entries = Files.list(outside)) {
            assertThat(entries).as("seed %s", SEED).isEmpty();
        }
        assertThat(Path.of("/tmp/meshprov-fuzz-pwned")).doesNotExist();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theGeneratorIsReproducible() {
        RequestMutator mutator =
                new RequestMutator(RealTechnologies.exampleRequests(), new HostileValues(Path.of("/nowhere")));
        SplittableRandom first = new SplittableRandom(SEED);
        SplittableRandom second = new SplittableRandom(SEED);
        for (int number = 0; number < 50; number++) {
            assertThat(mutator.next(number, first.split())).isEqualTo(mutator.next(number, second.split()));
        }
    }
}
