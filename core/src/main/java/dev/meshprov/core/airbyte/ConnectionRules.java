package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of {@code specific.connection}: the template's {@code name} and meshprov's optional extensions
 * (schedule, read by {@link ScheduleRules}; streams, namespace, status, syncOnProvision).
 */
final class ConnectionRules {

    /** Airbyte's sync modes (public API {@code ConnectionSyncModeEnum}). */
    static final List<String> SYNC_MODES = List.of(
            "full_refresh_overwrite",
            "full_refresh_overwrite_deduped",
            "full_refresh_append",
            "full_refresh_update",
            "full_refresh_soft_delete",
            "incremental_append",
            "incremental_deduped_history",
            "incremental_update",
            "incremental_soft_delete");

    static final List<String> NAMESPACE_DEFINITIONS = List.of("source", "destination", "custom_format");
    static final List<String> STATUSES = List.of("active", "inactive");
    /** A key of the public template's connection that Airbyte no longer supports; accepted and ignored. */
    static final String DBT_GIT_URL = "dbtGitUrl";

    private static final Set<String> KEYS = Set.of(
            "name",
            "schedule",
            "streams",
            "namespaceDefinition",
            "namespaceFormat",
            "status",
            "syncOnProvision",
            DBT_GIT_URL);

    private ConnectionRules() {}

    /** The connection spec; problems for every invalid field. Empty when invalid. */
    static Optional<ConnectionSpec> read(
            FieldReader connection, ProblemList problems, List<String> notes, Clock clock) {
        int before = problems.asList().size();
        Optional<String> name = ConnectorSectionReader.name(connection, "connection", problems);
        ConnectorSectionReader.unknownKeys(
                connection, KEYS, "Remove it, or correct its spelling (see the Airbyte technology guide).", problems);
        Schedule schedule = ScheduleRules.read(connection, problems, clock);
        Optional<List<StreamConfig>> streams = streams(connection, problems);
        Optional<String> namespace = oneOf(connection, "namespaceDefinition", NAMESPACE_DEFINITIONS, problems);
        Optional<String> namespaceFormat = namespaceFormat(connection, namespace, problems);
        Optional<String> status = oneOf(connection, "status", STATUSES, problems);
        boolean sync = problems.take(
                        connection.optionalBoolean(
                                "syncOnProvision", "Set syncOnProvision to true to start a sync after provisioning."),
                        Optional.empty())
                .orElse(false);
        dbtGitUrl(connection, problems, notes);
        if (problems.asList().size() > before || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionSpec(name.get(), schedule, streams, namespace, namespaceFormat, status, sync));
    }

    private static Optional<List<StreamConfig>> streams(FieldReader connection, ProblemList problems) {
        if (!connection.has("streams")) {
            return Optional.empty();
        }
        JsonNode node = connection.raw("streams");
        String listFix = "List the streams to sync as [{name: <stream>, syncMode: full_refresh_overwrite}], or"
                + " remove streams to sync every stream.";
        if (!node.isArray()) {
            problems.add(
                    connection.problem("streams", "must be a list, but is " + Descriptors.describeType(node), listFix));
            return Optional.empty();
        }
        if (node.isEmpty()) {
            problems.add(connection.problem("streams", "is empty, so nothing would be synced", listFix));
            return Optional.empty();
        }
        List<StreamConfig> streams = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = connection.path("streams") + "[" + i + "]";
            JsonNode element = node.get(i);
            if (!element.isObject()) {
                problems.add(
                        Problem.of(path, "must be an object, but is " + Descriptors.describeType(element), listFix));
                continue;
            }
            stream(FieldReader.of(element, path), problems).ifPresent(stream -> {
                if (seen.add(stream.name())) {
                    streams.add(stream);
                } else {
                    problems.add(Problem.of(
                            path + ".name", "repeats the stream '" + stream.name() + "'", "List each stream once."));
                }
            });
        }
        return Optional.of(streams);
    }

    private static Optional<StreamConfig> stream(FieldReader stream, ProblemList problems) {
        int before = problems.asList().size();
        ConnectorSectionReader.unknownKeys(
                stream,
                Set.of("name", "syncMode", "cursorField", "primaryKey"),
                "Remove it; a stream has name, syncMode, cursorField and primaryKey.",
                problems);
        String name = problems.take(
                stream.requiredText("name", "Set name to the stream's name as the source offers it."), null);
        String syncMode = oneOf(stream, "syncMode", SYNC_MODES, problems).orElse(StreamConfig.DEFAULT_SYNC_MODE);
        List<String> cursor = problems.take(
                stream.optionalTextList(
                        "cursorField",
                        "Write cursorField as the list of path elements of the field, e.g. [updated_at]."),
                List.of());
        List<List<String>> primaryKey = primaryKey(stream, problems);
        if (problems.asList().size() > before || name == null) {
            return Optional.empty();
        }
        return Optional.of(new StreamConfig(name, syncMode, cursor, primaryKey));
    }

    private static List<List<String>> primaryKey(FieldReader stream, ProblemList problems) {
        if (!stream.has("primaryKey")) {
            return List.of();
        }
        String fix = "Write primaryKey as a list of field paths, e.g. [[id]] or [[tenant], [id]].";
        JsonNode node = stream.raw("primaryKey");
        if (!node.isArray()) {
            problems.add(stream.problem(
                    "primaryKey", "must be a list of field paths, but is " + Descriptors.describeType(node), fix));
            return List.of();
        }
        List<List<String>> key = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = stream.path("primaryKey") + "[" + i + "]";
            JsonNode element = node.get(i);
            if (!element.isArray()) {
                problems.add(Problem.of(
                        path,
                        "must be a field path (a list of strings), but is " + Descriptors.describeType(element),
                        fix));
                continue;
            }
            List<String> fieldPath = new ArrayList<>();
            for (JsonNode part : element) {
                if (part.isTextual() && !part.asText().isBlank()) {
                    fieldPath.add(part.asText());
                } else {
                    problems.add(Problem.of(path, "must hold non-blank strings only", fix));
                }
            }
            key.add(fieldPath);
        }
        return key;
    }

    private static Optional<String> namespaceFormat(
            FieldReader connection, Optional<String> namespace, ProblemList problems) {
        Optional<String> format = problems.take(
                connection.optionalText(
                        "namespaceFormat",
                        "Set namespaceFormat to the namespace to write to, e.g. ${SOURCE_NAMESPACE}_raw."),
                Optional.empty());
        boolean custom = namespace.filter("custom_format"::equals).isPresent();
        if (custom && !connection.has("namespaceFormat")) {
            problems.add(connection.problem(
                    "namespaceFormat",
                    "is required when namespaceDefinition is custom_format",
                    "Set namespaceFormat, e.g. ${SOURCE_NAMESPACE}_raw."));
        }
        if (format.isPresent() && namespace.isPresent() && !custom) {
            problems.add(connection.problem(
                    "namespaceFormat",
                    "is only used when namespaceDefinition is custom_format, but it is " + namespace.get(),
                    "Set namespaceDefinition to custom_format, or remove namespaceFormat."));
        }
        return format;
    }

    private static void dbtGitUrl(FieldReader connection, ProblemList problems, List<String> notes) {
        Optional<String> url = problems.take(
                connection.optionalText(DBT_GIT_URL, "Remove dbtGitUrl; Airbyte no longer runs dbt."),
                Optional.empty());
        url.ifPresent(value -> notes.add("connection.dbtGitUrl is ignored: Airbyte removed custom dbt"
                + " transformations (version 1.0); run dbt after the sync from your orchestrator instead."));
    }

    /** An optional string that must be one of {@code allowed}. */
    static Optional<String> oneOf(FieldReader reader, String field, List<String> allowed, ProblemList problems) {
        String fix = "Set " + field + " to one of: " + String.join(", ", allowed) + ".";
        Optional<String> value = problems.take(reader.optionalText(field, fix), Optional.empty());
        if (value.isPresent() && !allowed.contains(value.get())) {
            problems.add(reader.problem(field, "is '" + value.get() + "', which is not one of " + allowed, fix));
            return Optional.empty();
        }
        return value;
    }
}
