package dev.meshprov.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.LogLevel;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.model.ValidationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model as the contract's JSON; absent fields are left out, never null. */
class StatusJsonTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.250Z");

    @Test
    void aProvisioningStatusWithInfoAndLogs() {
        Info info = Info.builder()
                .publicEntry("dag", InfoEntry.link("DAG", "my_dag", "https://airflow.example.com/dags/my_dag"))
                .publicEntry("deployedAt", InfoEntry.date("Deployed at", "2026-03-01T10:15:30Z"))
                .publicEntry("bucket", InfoEntry.text("Bucket", "b"))
                .privateValue("dagKey", "dags/my_dag.py")
                .privateValue("versions", List.of(1, 2))
                .build();
        ProvisioningStatus status = ProvisioningStatus.completed(
                "deployed",
                Optional.of(info),
                List.of(
                        new LogEntry(AT, LogLevel.INFO, "copied", Optional.of("copy")),
                        new LogEntry(AT, LogLevel.WARNING, "slow", Optional.empty())));

        assertThat(WireJson.write(StatusJson.provisioningStatus(status)))
                .isEqualTo("{\"status\":\"COMPLETED\",\"result\":\"deployed\",\"info\":{\"publicInfo\":{"
                        + "\"dag\":{\"type\":\"link\",\"label\":\"DAG\",\"value\":\"my_dag\","
                        + "\"href\":\"https://airflow.example.com/dags/my_dag\"},"
                        + "\"deployedAt\":{\"type\":\"date\",\"label\":\"Deployed at\",\"value\":\"2026-03-01T10:15:30Z\"},"
                        + "\"bucket\":{\"type\":\"string\",\"label\":\"Bucket\",\"value\":\"b\"}},"
                        + "\"privateInfo\":{\"dagKey\":\"dags/my_dag.py\",\"versions\":[1,2]}},"
                        + "\"logs\":[{\"timestamp\":\"2026-03-01T10:15:30.250Z\",\"level\":\"INFO\",\"message\":\"copied\","
                        + "\"phase\":\"copy\"},{\"timestamp\":\"2026-03-01T10:15:30.250Z\",\"level\":\"WARNING\","
                        + "\"message\":\"slow\"}]}");
    }

    @Test
    void aRunningStatusHasNoInfo() {
        assertThat(WireJson.write(StatusJson.provisioningStatus(ProvisioningStatus.running(List.of()))))
                .isEqualTo("{\"status\":\"RUNNING\",\"result\":\"\",\"logs\":[]}");
    }

    @Test
    void validationResultsAndStatuses() {
        ValidationResult invalid = ValidationResult.invalid(List.of(Problem.of("a.b", "is wrong", "Fix it.")));

        assertThat(WireJson.write(StatusJson.validationResult(ValidationResult.valid())))
                .isEqualTo("{\"valid\":true}");
        assertThat(WireJson.write(StatusJson.validationResult(invalid)))
                .isEqualTo("{\"valid\":false,\"error\":{\"errors\":[\"a.b: is wrong (fix: Fix it.)\"]}}");
        assertThat(WireJson.write(
                        StatusJson.validationStatus(new ValidationStatus(OperationState.RUNNING, Optional.empty()))))
                .isEqualTo("{\"status\":\"RUNNING\"}");
        assertThat(WireJson.write(StatusJson.validationStatus(
                        new ValidationStatus(OperationState.COMPLETED, Optional.of(ValidationResult.valid())))))
                .isEqualTo("{\"status\":\"COMPLETED\",\"info\":{\"publicInfo\":{\"valid\":true}}}");
    }

    @Test
    void aReverseProvisioningStatus() {
        ReverseProvisioningStatus status = new ReverseProvisioningStatus(
                OperationState.COMPLETED, Map.of("spec.mesh.specific", Map.of("dagName", "d")), List.of());

        assertThat(WireJson.write(StatusJson.reverseStatus(status)))
                .isEqualTo("{\"status\":\"COMPLETED\",\"updates\":{\"spec.mesh.specific\":{\"dagName\":\"d\"}},"
                        + "\"logs\":[]}");
    }
}
