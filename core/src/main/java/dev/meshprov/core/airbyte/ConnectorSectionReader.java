package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the parts of {@code specific.source} and {@code specific.destination} every connector shares. */
final class ConnectorSectionReader {

    /** The longest entity name Airbyte stores. */
    static final int MAX_NAME_LENGTH = 255;

    private static final String CONNECTION_CONFIGURATION = "connectionConfiguration";
    private static final String CONFIGURATION = "configuration";
    private static final String DEFINITION_ID = "definitionId";

    private ConnectorSectionReader() {}

    /** The section object, or empty (with a problem) when it is missing or not an object. */
    static Optional<FieldReader> section(FieldReader specific, String key, ProblemList problems) {
        String fix = "Add " + specific.path(key) + " with at least a name, as the Airbyte template does.";
        return Optional.ofNullable(problems.take(specific.requiredObject(key, fix), null));
    }

    /** The entity name: required, non-blank, at most 255 characters. */
    static Optional<String> name(FieldReader section, String what, ProblemList problems) {
        String fix = "Set " + section.path("name") + " to the " + what + "'s name, e.g. <domain>.<dataProduct>."
                + "<major>.<purpose>; it identifies the " + what + " in the Airbyte workspace.";
        Optional<String> name = Optional.ofNullable(problems.take(section.requiredText("name", fix), null));
        if (name.isPresent() && name.get().length() > MAX_NAME_LENGTH) {
            problems.add(section.problem(
                    "name",
                    "is " + name.get().length() + " characters long, but Airbyte names have at most " + MAX_NAME_LENGTH,
                    "Shorten the name to at most " + MAX_NAME_LENGTH + " characters."));
            return Optional.empty();
        }
        return name;
    }

    /**
     * Reads a whole connector section; empty when it has no usable name or configuration (the problems say why).
     * Other problems are recorded but the section is still returned, so that its configuration is checked too.
     */
    static Optional<ConnectorSection> read(FieldReader specific, ConnectorKind kind, ProblemList problems) {
        String what = kind.label();
        Optional<FieldReader> section = section(specific, what, problems);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        FieldReader reader = section.get();
        Optional<String> name = name(reader, what, problems);
        unknownKeys(
                reader,
                Set.of("name", CONNECTION_CONFIGURATION, CONFIGURATION, DEFINITION_ID, kind.typeKey()),
                "Remove it; connector options belong in " + reader.path(CONNECTION_CONFIGURATION) + ".",
                problems);
        Optional<String> definitionId = definitionId(reader, kind, problems);
        Optional<String> connectorType = problems.take(
                reader.optionalText(
                        kind.typeKey(),
                        "Set " + kind.typeKey() + " to the Airbyte connector type, e.g. "
                                + (kind == ConnectorKind.SOURCE ? "postgres" : "bigquery")
                                + ", or remove it to use the default connector."),
                Optional.empty());
        if (definitionId.isPresent() && connectorType.isPresent()) {
            problems.add(reader.problem(
                    kind.typeKey(),
                    "is given together with definitionId; the connector must be named once",
                    "Keep either definitionId or " + kind.typeKey() + "."));
        }
        Optional<FieldReader> configuration = configuration(reader, kind, problems);
        if (name.isEmpty() || configuration.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectorSection(kind, name.get(), definitionId, connectorType, configuration.get()));
    }

    private static Optional<String> definitionId(FieldReader section, ConnectorKind kind, ProblemList problems) {
        String fix = "Set definitionId to the UUID of an Airbyte " + kind.label()
                + " definition, or remove it to use the default connector.";
        Optional<String> id = problems.take(section.optionalText(DEFINITION_ID, fix), Optional.empty());
        if (id.isPresent() && !Identifiers.isUuid(id.get())) {
            problems.add(section.problem(DEFINITION_ID, "is '" + id.get() + "', which is not a UUID", fix));
            return Optional.empty();
        }
        return id;
    }

    private static Optional<FieldReader> configuration(FieldReader section, ConnectorKind kind, ProblemList problems) {
        boolean both = section.has(CONNECTION_CONFIGURATION) && section.has(CONFIGURATION);
        if (both) {
            problems.add(section.problem(
                    CONFIGURATION,
                    "is given together with connectionConfiguration; the " + kind.label() + " has one configuration",
                    "Keep only connectionConfiguration."));
            return Optional.empty();
        }
        String key = section.has(CONFIGURATION) ? CONFIGURATION : CONNECTION_CONFIGURATION;
        return Optional.ofNullable(problems.take(
                section.requiredObject(
                        key,
                        "Add " + section.path(CONNECTION_CONFIGURATION) + " with the " + kind.label()
                                + " connector's settings."),
                null));
    }

    /** A problem for every key of {@code reader} that is not one of {@code known}. */
    static void unknownKeys(FieldReader reader, Set<String> known, String fix, ProblemList problems) {
        List<String> present = Jsons.fieldNames(reader.node());
        for (String key : present) {
            if (!known.contains(key)) {
                problems.add(Problem.of(
                        reader.path(key),
                        "is not a setting meshprov knows here (known: " + String.join(", ", new TreeSet<>(known)) + ")",
                        fix));
            }
        }
    }
}
