package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Airbyte: one workload component is a source, a destination and a connection between them in one workspace.
 * Validation reads the descriptor into an {@link AirbyteSpec} (and checks that the workspace is readable);
 * provisioning creates or updates only what differs; unprovisioning deletes connection, destination and source.
 */
public final class AirbyteTechnology implements Technology<AirbyteSpec> {

    private final AirbyteSettings settings;
    private final AirbyteGateway gateway;
    private final AirbyteSpecReader reader;
    private final PipelineProvisioner provisioner;
    private final PipelineRemover remover;
    private final PipelinePlanner planner;
    private final ReverseImporter importer;
    private final Redactor redactor;

    /** Airbyte on the system clock (which only dates the time-zone hints of schedule problems). */
    public AirbyteTechnology(AirbyteSettings settings, AirbyteGateway gateway, Redactor redactor) {
        this(settings, gateway, redactor, Clock.systemUTC());
    }

    /**
     * Airbyte whose schedule problems convert other time zones to UTC at {@code clock}'s offset (daylight saving
     * time makes it depend on the day), without connector specifications: only meshprov's own rules check
     * configurations.
     */
    public AirbyteTechnology(AirbyteSettings settings, AirbyteGateway gateway, Redactor redactor, Clock clock) {
        this(settings, gateway, redactor, clock, ConnectorSpecifications.none());
    }

    /**
     * @param settings the checked server configuration
     * @param gateway the Airbyte server
     * @param redactor masks secrets in everything that leaves
     * @param clock dates the time-zone hints of schedule problems
     * @param specifications the connectors' published rules, which validation checks configurations against
     */
    public AirbyteTechnology(
            AirbyteSettings settings,
            AirbyteGateway gateway,
            Redactor redactor,
            Clock clock,
            ConnectorSpecifications specifications) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.reader = new AirbyteSpecReader(
                settings,
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(specifications, "specifications"));
        this.provisioner = new PipelineProvisioner(settings, gateway);
        this.remover = new PipelineRemover(gateway);
        this.planner = new PipelinePlanner(gateway);
        this.importer = new ReverseImporter(settings, gateway, redactor);
    }

    @Override
    public Validation<Seq<Problem>, AirbyteSpec> validate(ComponentRequest request, Operation operation) {
        Validation<Seq<Problem>, AirbyteSpec> spec = reader.read(request, operation);
        spec.forEach(this::registerSecrets);
        boolean online = operation == Operation.VALIDATE || operation == Operation.PROVISION;
        if (spec.isInvalid() || !online) {
            return spec;
        }
        return workspaceReadable(spec.get().workspaceId(), request.dataProduct().environment())
                .map(Validations::<AirbyteSpec>invalid)
                .orElse(spec);
    }

    /** Secrets written in descriptors (e.g. a database password of another connector) are masked like config ones. */
    private void registerSecrets(AirbyteSpec spec) {
        spec.pipeline().ifPresent(pipeline -> {
            Jsons.secretValues(pipeline.source().configuration()).forEach(redactor::register);
            Jsons.secretValues(pipeline.destination().configuration()).forEach(redactor::register);
        });
    }

    private Optional<Problem> workspaceReadable(String workspaceId, Optional<String> environment) {
        Either<UpstreamFailure, Workspace> workspace = gateway.workspace(workspaceId);
        if (workspace.isRight()) {
            return Optional.empty();
        }
        String key = environment
                .filter(settings.workspaceByEnvironment()::containsKey)
                .map(env -> "airbyte.environments." + env + ".workspaceId")
                .orElse("airbyte.workspaceId");
        return Optional.of(Problem.upstream(
                key,
                workspace.getLeft(),
                workspace.getLeft() instanceof UpstreamFailure.NotFound
                        ? "Set " + key + " to an existing Airbyte workspace (see Settings > Workspace in Airbyte)."
                        : "Check that Airbyte is reachable at the configured airbyte.apiUrl and that meshprov's"
                                + " credentials can read workspace " + workspaceId + "."));
    }

    @Override
    public List<String> configurationWarnings() {
        SnowflakeSettings snowflake = settings.snowflake();
        if (snowflake.usesPasswordOnly()) {
            return List.of(SnowflakeSettings.PASSWORD_DEPRECATION);
        }
        if (snowflake.usesKeyPair() && snowflake.password().isPresent()) {
            return List.of("airbyte.snowflake.password is ignored: destinations authenticate with the key pair of"
                    + " airbyte.snowflake.privateKey; remove the password from the configuration.");
        }
        return List.of();
    }

    @Override
    public Either<UpstreamFailure, Plan> plan(AirbyteSpec spec) {
        return planner.plan(spec);
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> provision(AirbyteSpec spec, OperationLog log) {
        return provisioner.provision(spec, log);
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> unprovision(AirbyteSpec spec, OperationLog log) {
        return remover.unprovision(spec, log);
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> updateAcl(AirbyteSpec spec, List<String> refs, OperationLog log) {
        log.info(
                "acl",
                "Airbyte has no access control per connection, so nothing was changed for " + refs.size()
                        + " principal(s); access to the loaded data is granted in the destination (e.g. Snowflake).");
        return Either.right(
                ProvisionResult.withoutInfo("Nothing to change: Airbyte has no access control per connection"));
    }

    @Override
    public Validation<Seq<Problem>, ReverseProvisioningResult> reverse(
            ReverseProvisioningRequest request, OperationLog log) {
        return importer.reverse(request, log);
    }

    @Override
    public Readiness readiness() {
        List<String> details = new ArrayList<>();
        boolean ready = true;
        for (String workspaceId : settings.allWorkspaces()) {
            Either<UpstreamFailure, Workspace> workspace;
            try {
                workspace = gateway.probe(workspaceId);
            } catch (RuntimeException e) {
                return Readiness.notReady("reading Airbyte workspace " + workspaceId + " failed unexpectedly ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (workspace.isRight()) {
                details.add("workspace '" + workspace.get().name() + "' (" + workspaceId + ") is readable");
            } else {
                ready = false;
                details.add(workspace.getLeft().describe());
            }
        }
        return new Readiness(ready, String.join("; ", details));
    }
}
