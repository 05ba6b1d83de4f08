package dev.meshprov.http.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Ports;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestControls;
import dev.meshprov.jdbc.TaskStoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real meshprov servers sharing one PostgreSQL (embedded, started here once for the class; a fresh database per
 * test): any replica answers any poll, work on one component is serialised across replicas, a crashed replica's task
 * is failed once its lease runs out, and a replica stopping gracefully leaves an answer for what it could not run.
 */
class ScaleOutTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final TestControls controls = new TestControls();
    private final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @AfterEach
    void stopReplicas() {
        for (Replica replica : replicas) {
            try {
                replica.close();
            } catch (TaskStoreException crashed) {
                // a replica whose database connections were cut cannot record the end of its work: as after a crash
            }
        }
    }

    @Test
    void aProvisionAcceptedByOneReplicaIsPolledToCompletedOnAnother() {
        String url = freshDatabase();
        Replica a = replica(url, "5s");
        Replica b = replica(url, "5s");

        ApiResponse accepted =
                a.client().post("/v1/provision", Requests.provisioning("beta", "handover", Map.of("name", "handed")));
        assertThat(accepted.status()).isEqualTo(202);

        ApiResponse status = b.client().pollUntilFinished("/v1/provision/" + accepted.body() + "/status");
        assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.json().path("result").asText()).isEqualTo("Thing handed provisioned");
        assertThat(status.json().at("/info/privateInfo/thingId").asText()).isEqualTo("thing-handed");
    }

    @Test
    void twoReplicasSerialiseTheProvisionsOfOneComponent() throws Exception {
        String url = freshDatabase();
        Replica a = replica(url, "5s");
        Replica b = replica(url, "5s");

        String first = a.client()
                .post("/v1/provision", Requests.provisioning("beta", "shared", Map.of("name", "shared-1", "gate", "g")))
                .body();
        assertThat(controls.awaitStarted("provision shared-1")).isTrue();
        String second = b.client()
                .post("/v1/provision", Requests.provisioning("beta", "shared", Map.of("name", "shared-2")))
                .body();
        awaitSessionsWaitingForALock(url, 1);
        assertThat(controls.eventsAbout("shared-")).containsExactly("start provision shared-1");

        controls.open("g");

        assertThat(statusOf(b, first)).isEqualTo("COMPLETED");
        assertThat(statusOf(a, second)).isEqualTo("COMPLETED");
        assertThat(controls.eventsAbout("shared-"))
                .containsExactly(
                        "start provision shared-1",
                        "end provision shared-1",
                        "start provision shared-2",
                        "end provision shared-2");
    }

    @Test
    void provisionsOfOneComponentSentToBothReplicasAtOnceNeverOverlap() {
        String url = freshDatabase();
        List<Replica> both = List.of(replica(url, "5s"), replica(url, "5s"));

        List<CompletableFuture<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Replica target = both.get(i % 2);
            Map<String, String> specific = Map.of("name", "burst-" + i);
            tokens.add(CompletableFuture.supplyAsync(() -> target.client()
                    .post("/v1/provision", Requests.provisioning("beta", "burst", specific))
                    .body()));
        }
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(statusOf(both.get((i + 1) % 2), tokens.get(i).join())).isEqualTo("COMPLETED");
        }

        List<String> events = controls.eventsAbout("burst-");
        assertThat(events).hasSize(12);
        for (int i = 0; i < events.size(); i += 2) {
            String thing = events.get(i).substring("start provision ".length());
            assertThat(events.get(i)).startsWith("start ");
            assertThat(events.get(i + 1))
                    .as("the next event ends the same operation")
                    .isEqualTo("end provision " + thing);
        }
    }

    @Test
    void theTaskOfACrashedReplicaFailsOnceItsLeaseExpiresAndItsComponentIsFreeAgain() {
        String url = freshDatabase();
        Replica a = replica(url, "1s");
        Replica b = replica(url, "5s");
        String token = a.client()
                .post("/v1/provision", Requests.provisioning("beta", "crash", Map.of("name", "doomed", "gate", "c")))
                .body();
        assertThat(awaitStarted("provision doomed")).isTrue();

        a.crashTaskDatabase();

        ApiResponse status = b.client().pollUntilFinished("/v1/provision/" + token + "/status");
        assertThat(status.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(status.json().path("result").asText())
                .startsWith("The meshprov instance ")
                .endsWith(" running this task stopped before it finished (no heartbeat for 2s); check the upstream"
                        + " system and provision again.");
        String retry = b.client()
                .post("/v1/provision", Requests.provisioning("beta", "crash", Map.of("name", "retried")))
                .body();
        assertThat(statusOf(b, retry)).isEqualTo("COMPLETED");
        controls.open("c");
    }

    @Test
    void aReplicaStoppingGracefullyFinishesItsRunningTaskAndFailsTheQueuedOneForPollersElsewhere() throws Exception {
        String url = freshDatabase();
        Replica a = replica(url, "2s");
        Replica b = replica(url, "5s");
        String running = a.client()
                .post(
                        "/v1/provision",
                        Requests.provisioning("beta", "leaving", Map.of("name", "leaving-1", "gate", "l")))
                .body();
        assertThat(controls.awaitStarted("provision leaving-1")).isTrue();
        String queued = a.client()
                .post(
                        "/v1/provision",
                        Requests.provisioning("beta", "leaving", Map.of("name", "leaving-2", "gate", "never")))
                .body();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(a::close);
        Ports.awaitRefused(a.server().port(), "the replica");
        // the queued one may start in the moment before the workers stop; then the grace interrupts it at its gate
        controls.open("l");
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(statusOf(b, running)).isEqualTo("COMPLETED");
        ApiResponse left = b.client().pollUntilFinished("/v1/provision/" + queued + "/status");
        assertThat(left.json().path("status").asText()).isEqualTo("FAILED");
        controls.open("never");
    }

    private Replica replica(String url, String shutdownGrace) {
        Replica replica = Replica.start(Replica.config(url, shutdownGrace), controls);
        replicas.add(replica);
        return replica;
    }

    private boolean awaitStarted(String event) {
        try {
            return controls.awaitStarted(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String statusOf(Replica replica, String token) {
        return replica.client()
                .pollUntilFinished("/v1/provision/" + token + "/status")
                .json()
                .path("status")
                .asText();
    }

    private static String freshDatabase() {
        String name = "scaleout_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** Waits until PostgreSQL reports {@code count} sessions waiting for an advisory lock. */
    private static void awaitSessionsWaitingForALock(String url, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestControls.WAIT_SECONDS);
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no session waits for the component lock");
                }
                Thread.sleep(20);
            }
        }
    }
}
