package dev.meshprov.http.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.airbyte.FakeAirbyteServer.Fault;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.mwaa.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak run behind {@code scripts/soak.sh}: {@value #OPERATIONS} asynchronous provisions and unprovisions of
 * {@value #COMPONENTS} Airbyte components through the HTTP API, while the Airbyte fake injects 5xx, 429 with
 * Retry-After, slow answers past the read time-out (after doing the work) and dropped connections. Then the
 * components whose last operation failed are retried once the faults stop, as the coordinator would, and the
 * report counts: tasks lost, duplicate upstream entities, 5xx answers of the API, and components whose Airbyte state
 * differs from their last operation. Not part of the normal build (tag {@code soak}).
 */
@Tag("soak")
class AirbyteSoakTest {

    static final int OPERATIONS = Integer.getInteger("meshprov.soak.operations", 1000);
    static final int COMPONENTS = 20;
    private static final int DRIVERS = 10;
    private static final long SEED = Long.getLong("meshprov.soak.seed", 42L);
    private static final Duration TASK_DEADLINE = Duration.ofMinutes(2);
    private static final String EXTRA_CONFIG = """
            tasks:
              workers: 8
            """;

    /**
     * The calls of the provisioning task itself. The token and workspace calls are left alone: they also serve the
     * online check made when a request is submitted, whose upstream failure the contract answers with a 500
     * SystemError at once (the adapter tests cover their faults).
     */
    private static final String ENTITIES = "/v1/(sources|destinations|connections)(/.*)?";

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET);

    @TempDir
    Path workingDirectory;

    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger lostTasks = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private final Map<Integer, String> lastOperation = new ConcurrentHashMap<>();
    private final Map<Integer, String> lastOutcome = new ConcurrentHashMap<>();
    private final Map<Integer, String> lastFailure = new ConcurrentHashMap<>();
    private final List<String> serverErrorBodies = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void provisionsUnderUpstreamFaultsLoseNothingAndDuplicateNothing() throws Exception {
        long started = System.nanoTime();
        JsonNode example = RealTechnologies.example("airbyte-provision-request.json");
        try (RealTechnologies technologies =
                RealTechnologies.start("async", workingDirectory, LocalS3.endpoint(S3), EXTRA_CONFIG)) {
            ApiClient client = technologies.server().client();
            FakeAirbyteServer airbyte = technologies.airbyte();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread injector = new Thread(() -> injectFaults(airbyte, running), "fault-injector");
            injector.start();

            ExecutorService drivers = Executors.newFixedThreadPool(DRIVERS);
            List<Future<?>> done = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(SEED);
            for (int driver = 0; driver < DRIVERS; driver++) {
                int owner = driver;
                SplittableRandom own = random.split();
                done.add(drivers.submit(() -> drive(client, example, owner, own)));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.MINUTES);
            }
            drivers.shutdown();
            running.set(false);
            injector.join();
            airbyte.clearFaults();
            int completedDuringFaults = completed.get();
            int failedDuringFaults = failed.get();

            int retried = converge(client, example);
            Map<String, Integer> duplicates = duplicates(airbyte);
            List<String> inconsistent = inconsistent(airbyte);
            String report = report(
                    completedDuringFaults,
                    failedDuringFaults,
                    retried,
                    duplicates,
                    inconsistent,
                    Duration.ofNanos(System.nanoTime() - started));
            Path out = Path.of("target", "soak-report.md");
            Files.writeString(out, report);
            System.out.println(report);

            assertThat(lostTasks.get()).as(report).isZero();
            assertThat(serverErrors.get())
                    .as("%s%n%s", report, serverErrorBodies)
                    .isZero();
            assertThat(duplicates).as(report).isEmpty();
            assertThat(inconsistent).as(report).isEmpty();
            assertThat(client.get("/health/live").status()).isEqualTo(200);
        }
    }

    /** One driver: the components it owns (index modulo the drivers), one operation at a time each. */
    private void drive(ApiClient client, JsonNode example, int owner, SplittableRandom random) {
        List<Integer> mine = new ArrayList<>();
        for (int component = owner; component < COMPONENTS; component += DRIVERS) {
            mine.add(component);
        }
        int operations = OPERATIONS / DRIVERS;
        for (int i = 0; i < operations; i++) {
            int component = mine.get(random.nextInt(mine.size()));
            String operation = random.nextInt(4) == 0 ? "unprovision" : "provision";
            run(client, component, operation, request(example, component));
        }
    }

    /** Submits one operation, polls it to its end and records it as the component's last. */
    private String run(ApiClient client, int component, String operation, JsonNode request) {
        ApiResponse accepted = client.post("/v1/" + operation, request);
        if (accepted.status() >= 500) {
            serverErrors.incrementAndGet();
            serverErrorBodies.add("POST /v1/" + operation + " " + accepted.status() + " " + accepted.body());
        }
        lastOperation.put(component, operation);
        if (accepted.status() != 202) {
            lastOutcome.put(component, "REFUSED " + accepted.status());
            failed.incrementAndGet();
            return "REFUSED";
        }
        String status = poll(client, component, accepted.body());
        lastOutcome.put(component, status);
        if (status.equals("COMPLETED")) {
            completed.incrementAndGet();
        } else if (status.equals("FAILED")) {
            failed.incrementAndGet();
        } else {
            lostTasks.incrementAndGet();
        }
        return status;
    }

    private String poll(ApiClient client, int component, String token) {
        long deadline = System.nanoTime() + TASK_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse status = client.get("/v1/provision/" + token + "/status");
            if (status.status() >= 500) {
                serverErrors.incrementAndGet();
                serverErrorBodies.add("GET status " + status.status() + " " + status.body());
            }
            if (status.status() != 200) {
                return "LOST (" + status.status() + ")";
            }
            String state = status.json().path("status").asText();
            if (!state.equals("RUNNING")) {
                if (state.equals("FAILED")) {
                    lastFailure.put(component, status.json().path("result").asText());
                }
                return state;
            }
            pause(10);
        }
        return "LOST (still running after " + TASK_DEADLINE + ")";
    }

    /**
     * One fault every 50 ms until {@code running} turns false; when four wait unused for a matching request, they
     * are dropped (so that rare calls do not hold the queue): mostly 5xx, 429 and dropped connections; one in
     * twenty an answer later than the read time-out (5 s) after the work was done, the case that tempts a client to
     * create twice.
     */
    private void injectFaults(FakeAirbyteServer airbyte, AtomicBoolean running) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<Function<SplittableRandom, Fault>> kinds = List.of(
                r -> Fault.status(r.nextBoolean() ? "GET" : "POST", ENTITIES, r.nextBoolean() ? 500 : 503),
                r -> Fault.status("DELETE", ENTITIES, 503),
                r -> Fault.rateLimited(r.nextBoolean() ? "GET" : "POST", ENTITIES, 1),
                r -> Fault.drop("GET", ENTITIES),
                r -> Fault.drop("POST", ENTITIES));
        while (running.get()) {
            if (airbyte.pendingFaults() >= 4) {
                airbyte.clearFaults();
            }
            Fault fault = random.nextInt(20) == 0
                    ? Fault.slow("POST", ENTITIES, Duration.ofMillis(6000))
                    : kinds.get(random.nextInt(kinds.size())).apply(random);
            airbyte.fail(fault, 1);
            faultsInjected.incrementAndGet();
            pause(50);
        }
    }

    /**
     * Retries, once the faults are cleared, the last operation of each component that did not complete, up to
     * five times, as the coordinator would.
     */
    private int converge(ApiClient client, JsonNode example) {
        int retried = 0;
        for (int component = 0; component < COMPONENTS; component++) {
            String outcome = lastOutcome.get(component);
            if (outcome == null || outcome.equals("COMPLETED")) {
                continue;
            }
            retried++;
            String status = "";
            for (int attempt = 0; attempt < 5 && !status.equals("COMPLETED"); attempt++) {
                status = run(client, component, lastOperation.get(component), request(example, component));
            }
            assertThat(status)
                    .as("component %s retried after the faults: %s", component, lastFailure.get(component))
                    .isEqualTo("COMPLETED");
        }
        return retried;
    }

    private static Map<String, Integer> duplicates(FakeAirbyteServer airbyte) {
        Map<String, Integer> duplicates = new TreeMap<>();
        for (String collection : List.of("sources", "destinations", "connections")) {
            airbyte.stored(collection).stream()
                    .collect(Collectors.groupingBy(e -> e.path("name").asText(), Collectors.counting()))
                    .forEach((name, count) -> {
                        if (count > 1) {
                            duplicates.put(collection + " " + name, count.intValue());
                        }
                    });
        }
        return duplicates;
    }

    /** Components whose Airbyte entities do not match their last operation (all three, or none). */
    private List<String> inconsistent(FakeAirbyteServer airbyte) {
        List<String> names = new ArrayList<>();
        airbyte.stored("sources")
                .forEach(e -> names.add("source " + e.path("name").asText()));
        airbyte.stored("destinations")
                .forEach(e -> names.add("destination " + e.path("name").asText()));
        airbyte.stored("connections")
                .forEach(e -> names.add("connection " + e.path("name").asText()));
        List<String> inconsistent = new ArrayList<>();
        for (int component = 0; component < COMPONENTS; component++) {
            String suffix = " " + label(component);
            long present = names.stream().filter(name -> name.contains(suffix)).count();
            String last = lastOperation.getOrDefault(component, "none");
            long expected = last.equals("provision") ? 3 : 0;
            if (present != expected) {
                inconsistent.add("component " + component + ": last " + last + ", " + present + " Airbyte entities");
            }
        }
        return inconsistent;
    }

    /** The example request for component {@code index}: its own id and connector names. */
    private static JsonNode request(JsonNode example, int index) {
        String label = label(index);
        String descriptor = example.path("descriptor")
                .asText()
                .replace(
                        "urn:dmb:cmp:finance:cashflow:1:deals-ingestion",
                        "urn:dmb:cmp:finance:cashflow:1:deals-ingestion-" + label)
                .replace("finance.cashflow.1.Deals CSV", "finance.cashflow.1.Deals CSV " + label)
                .replace("finance.cashflow.1.Snowflake", "finance.cashflow.1.Snowflake " + label);
        ObjectNode request = example.deepCopy();
        request.put("descriptor", descriptor);
        return request;
    }

    private static String label(int index) {
        return String.format("c%02d", index);
    }

    private String report(
            int completedDuringFaults,
            int failedDuringFaults,
            int retried,
            Map<String, Integer> duplicates,
            List<String> inconsistent,
            Duration took) {
        return """
                | measure | value |
                |---|---|
                | operations (async provision/unprovision through the API) | %d |
                | components | %d |
                | concurrent drivers / task workers | %d / 8 |
                | faults injected into Airbyte (5xx, 429 with Retry-After: 1, answers 6 s late after doing the work, dropped connections; some dropped unused) | %d |
                | operations COMPLETED during the faults | %d |
                | operations FAILED during the faults (an honest FAILED status) | %d |
                | components retried after the faults stopped | %d |
                | **tasks lost** | **%d** |
                | **duplicate upstream entities** | **%d** %s |
                | **5xx answers of the API** | **%d** |
                | **components whose final state differs from their last operation** | **%d** %s |
                | wall time | %ds |
                """
                .formatted(
                        OPERATIONS,
                        COMPONENTS,
                        DRIVERS,
                        faultsInjected.get(),
                        completedDuringFaults,
                        failedDuringFaults,
                        retried,
                        lostTasks.get(),
                        duplicates.size(),
                        duplicates.isEmpty() ? "" : duplicates.toString(),
                        serverErrors.get(),
                        inconsistent.size(),
                        inconsistent.isEmpty() ? "" : inconsistent.toString(),
                        took.toSeconds());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
