package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an existing Airbyte connection (by id or name) with its source and destination as the component's
 * {@code spec.mesh.specific}: reads {@code params}, finds the three entities, and has {@link ImportedSpecific} write
 * them as a {@code specific} section without secrets.
 */
final class ReverseImporter {

    static final String UPDATE_KEY = "spec.mesh.specific";
    private static final String CONNECTION_ID = "connectionId";
    private static final String CONNECTION_NAME = "connectionName";

    private final AirbyteSettings settings;
    private final AirbyteGateway gateway;
    private final EntityFinder finder;
    private final ImportedSpecific specifics;

    ReverseImporter(AirbyteSettings settings, AirbyteGateway gateway, Redactor redactor) {
        this.settings = settings;
        this.gateway = gateway;
        this.finder = new EntityFinder(gateway);
        this.specifics = new ImportedSpecific(settings, redactor);
    }

    Validation<Seq<Problem>, ReverseProvisioningResult> reverse(ReverseProvisioningRequest request, OperationLog log) {
        Optional<String> environment = Optional.of(request.environment()).filter(e -> !e.isBlank());
        String workspaceId = settings.workspaceFor(environment);
        return target(request.params()).flatMap(target -> {
            Either<Problem, ReverseProvisioningResult> result = connection(target, workspaceId)
                    .flatMap(connection -> connector(ConnectorKind.SOURCE, connection.sourceId())
                            .flatMap(source -> connector(ConnectorKind.DESTINATION, connection.destinationId())
                                    .map(destination -> {
                                        log.info(
                                                "reverse",
                                                "Read connection '" + connection.name() + "' ("
                                                        + connection.id() + "), source '" + source.name()
                                                        + "' and destination '" + destination.name() + "'");
                                        ObjectNode specific = specifics.of(connection, source, destination, log);
                                        return new ReverseProvisioningResult(Map.of(UPDATE_KEY, Jsons.toMap(specific)));
                                    })));
            return result.fold(Validations::invalid, Validations::valid);
        });
    }

    /** Which connection to import: {@code params.connectionId} or {@code params.connectionName}. */
    private static Validation<Seq<Problem>, Target> target(JsonNode params) {
        String fix = "Pass params.connectionId (the UUID in the Airbyte connection URL) or params.connectionName.";
        if (!params.isObject()) {
            return Validations.invalid(
                    Problem.of("params", "must be an object with connectionId or connectionName", fix));
        }
        FieldReader reader = FieldReader.of(params, "params");
        ProblemList problems = new ProblemList();
        Optional<String> id = problems.take(reader.optionalText(CONNECTION_ID, fix), Optional.empty());
        Optional<String> name = problems.take(reader.optionalText(CONNECTION_NAME, fix), Optional.empty());
        if (problems.isEmpty() && id.isPresent() == name.isPresent()) {
            problems.add(Problem.of(
                    "params",
                    id.isPresent()
                            ? "has both connectionId and connectionName; give one"
                            : "names no connection (connectionId or connectionName)",
                    fix));
        }
        if (id.isPresent() && !Identifiers.isUuid(id.get())) {
            problems.add(reader.problem(CONNECTION_ID, "is '" + id.get() + "', which is not a UUID", fix));
        }
        return problems.toValidation(() -> new Target(id, name));
    }

    private Either<Problem, Connection> connection(Target target, String workspaceId) {
        if (target.id().isPresent()) {
            String id = target.id().get();
            return gateway.findConnection(id)
                    .mapLeft(failure -> upstream(failure))
                    .flatMap(found -> found.<Either<Problem, Connection>>map(Either::right)
                            .orElseGet(() -> Either.left(Problem.of(
                                    "params." + CONNECTION_ID,
                                    "is " + id + ", but Airbyte has no connection with that id",
                                    "Copy the id from the connection's URL in the Airbyte UI."))));
        }
        String name = target.name().orElseThrow();
        return finder.connectionNamed(workspaceId, name)
                .mapLeft(failure -> failure instanceof UpstreamFailure.Conflict
                        ? Problem.of(
                                "params." + CONNECTION_NAME, failure.detail(), "Pass params.connectionId to pick one.")
                        : upstream(failure))
                .flatMap(found -> found.<Either<Problem, Connection>>map(Either::right)
                        .orElseGet(() -> Either.left(Problem.of(
                                "params." + CONNECTION_NAME,
                                "is '" + name + "', but workspace " + workspaceId + " has no connection with that name",
                                "Check the name in the Airbyte UI, or pass params.connectionId."))));
    }

    private Either<Problem, Connector> connector(ConnectorKind kind, String id) {
        return gateway.findConnector(kind, id)
                .mapLeft(ReverseImporter::upstream)
                .flatMap(found -> found.<Either<Problem, Connector>>map(Either::right)
                        .orElseGet(() -> Either.left(upstream(new UpstreamFailure.NotFound(
                                Reconciliation.SYSTEM,
                                "read " + kind.label() + " " + id,
                                "the connection refers to " + kind.label() + " " + id + ", which does not exist")))));
    }

    private static Problem upstream(UpstreamFailure failure) {
        return Problem.upstream(
                "params", failure, "Check that Airbyte is reachable and that meshprov's credentials can read it.");
    }

    /** The connection asked for. */
    private record Target(Optional<String> id, Optional<String> name) {}
}
