package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a component's {@code specific} section into an {@link AirbyteSpec}, reporting every problem at once. For
 * unprovisioning and updateacl only the entity names are needed.
 */
final class AirbyteSpecReader {

    private final AirbyteSettings settings;
    private final ConnectorSpecifications specifications;
    private final FileSourceRules fileRules;
    private final SnowflakeDestinationRules snowflakeRules;
    private final Clock clock;

    AirbyteSpecReader(AirbyteSettings settings, Clock clock, ConnectorSpecifications specifications) {
        this.settings = settings;
        this.clock = clock;
        this.specifications = specifications;
        this.fileRules = new FileSourceRules(settings);
        this.snowflakeRules = new SnowflakeDestinationRules(settings.snowflake());
    }

    Validation<Seq<Problem>, AirbyteSpec> read(ComponentRequest request, Operation operation) {
        Component component = request.component();
        FieldReader specific = FieldReader.of(component.specific(), component.fieldPath("specific"));
        ProblemList problems = new ProblemList();
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String workspaceId = settings.workspaceFor(request.dataProduct().environment());
        KnownIds knownIds = knownIds(request, workspaceId, notes);
        if (operation != Operation.UPDATE_ACL) {
            NameCollisions.check(request, problems);
        }
        if (operation == Operation.UNPROVISION || operation == Operation.UPDATE_ACL) {
            Optional<EntityNames> names = namesOnly(specific, problems);
            return problems.toValidation(() -> new AirbyteSpec(
                    component.id(),
                    operation,
                    workspaceId,
                    names.orElseThrow(),
                    knownIds,
                    Optional.empty(),
                    request.removeData(),
                    notes,
                    warnings));
        }
        Optional<ConnectorSpec> source = ConnectorSectionReader.read(specific, ConnectorKind.SOURCE, problems)
                .map(section -> source(section, problems));
        Optional<ConnectorSpec> destination = ConnectorSectionReader.read(specific, ConnectorKind.DESTINATION, problems)
                .map(section -> destination(section, request, problems, warnings));
        Optional<ConnectionSpec> connection = ConnectorSectionReader.section(specific, "connection", problems)
                .flatMap(section -> ConnectionRules.read(section, problems, notes, clock));
        return problems.toValidation(() -> {
            Pipeline pipeline = new Pipeline(source.orElseThrow(), destination.orElseThrow(), connection.orElseThrow());
            return new AirbyteSpec(
                    component.id(),
                    operation,
                    workspaceId,
                    new EntityNames(
                            pipeline.source().name(),
                            pipeline.destination().name(),
                            pipeline.connection().name()),
                    knownIds,
                    Optional.of(pipeline),
                    request.removeData(),
                    notes,
                    warnings);
        });
    }

    private ConnectorSpec source(ConnectorSection section, ProblemList problems) {
        boolean file = section.isDefaultConnector(settings.fileDefinitionId(), FileSourceRules.TYPE);
        ObjectNode configuration =
                file ? fileRules.apply(section.configuration(), problems) : section.configurationCopy();
        ConnectorSpec spec = spec(section, settings.fileDefinitionId(), configuration);
        Map<String, String> injected = file ? fileRules.injectedKeys(section.configuration()) : Map.of();
        checkSpecification(section, spec, file, settings.fileDefinitionId(), injected, problems);
        return spec;
    }

    private ConnectorSpec destination(
            ConnectorSection section, ComponentRequest request, ProblemList problems, List<String> warnings) {
        boolean snowflake =
                section.isDefaultConnector(settings.snowflakeDefinitionId(), SnowflakeDestinationRules.TYPE);
        ObjectNode configuration = snowflake
                ? snowflakeRules.apply(section.configuration(), request.dataProduct(), problems)
                : section.configurationCopy();
        ConnectorSpec spec = spec(section, settings.snowflakeDefinitionId(), configuration);
        Map<String, String> injected = snowflake ? snowflakeRules.injectedKeys() : Map.of();
        checkSpecification(section, spec, snowflake, settings.snowflakeDefinitionId(), injected, problems);
        if (snowflake && settings.snowflake().usesPasswordOnly()) {
            warnings.add(SnowflakeSettings.PASSWORD_DEPRECATION);
        }
        return spec;
    }

    /** Checks the configuration against the connector's published rules, when they are known. */
    private void checkSpecification(
            ConnectorSection section,
            ConnectorSpec spec,
            boolean defaultConnector,
            String defaultDefinitionId,
            Map<String, String> injected,
            ProblemList problems) {
        Optional<String> definitionId =
                spec.definitionId().or(() -> defaultConnector ? Optional.of(defaultDefinitionId) : Optional.empty());
        definitionId
                .flatMap(specifications::forDefinition)
                .ifPresent(rules -> SpecificationCheck.apply(
                        rules, spec.configuration(), section.configuration(), injected, problems));
    }

    private static ConnectorSpec spec(ConnectorSection section, String defaultDefinitionId, ObjectNode configuration) {
        Optional<String> definitionId =
                section.definitionId().isPresent() || section.connectorType().isPresent()
                        ? section.definitionId()
                        : Optional.of(defaultDefinitionId);
        return new ConnectorSpec(section.name(), definitionId, section.connectorType(), configuration);
    }

    private static Optional<EntityNames> namesOnly(FieldReader specific, ProblemList problems) {
        Optional<String> source = nameOf(specific, "source", problems);
        Optional<String> destination = nameOf(specific, "destination", problems);
        Optional<String> connection = nameOf(specific, "connection", problems);
        if (source.isEmpty() || destination.isEmpty() || connection.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EntityNames(source.get(), destination.get(), connection.get()));
    }

    private static Optional<String> nameOf(FieldReader specific, String section, ProblemList problems) {
        return ConnectorSectionReader.section(specific, section, problems)
                .flatMap(reader -> ConnectorSectionReader.name(reader, section, problems));
    }

    private static KnownIds knownIds(ComponentRequest request, String workspaceId, List<String> notes) {
        Optional<String> previousWorkspace = request.previousPrivateValue("workspaceId");
        if (previousWorkspace.isPresent() && !previousWorkspace.get().equals(workspaceId)) {
            notes.add("The previous run provisioned into workspace " + previousWorkspace.get() + "; this one uses "
                    + workspaceId + ", so the entities are looked up by name there.");
            return KnownIds.none();
        }
        return new KnownIds(
                knownId(request, "sourceId", notes),
                knownId(request, "destinationId", notes),
                knownId(request, "connectionId", notes),
                request.previousPrivateValue(AirbyteInfo.SOURCE_SECRETS),
                request.previousPrivateValue(AirbyteInfo.DESTINATION_SECRETS),
                ConfigurationPaths.read(request.previousPrivateInfo().path(AirbyteInfo.SOURCE_FIELDS)),
                ConfigurationPaths.read(request.previousPrivateInfo().path(AirbyteInfo.DESTINATION_FIELDS)));
    }

    private static Optional<String> knownId(ComponentRequest request, String key, List<String> notes) {
        Optional<String> id = request.previousPrivateValue(key);
        if (id.isPresent() && !Identifiers.isUuid(id.get())) {
            notes.add("Ignored info.privateInfo." + key + " of the previous run: '" + id.get()
                    + "' is not an Airbyte id; the entity is looked up by name.");
            return Optional.empty();
        }
        return id;
    }
}
