package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The typed checks of the File source configuration and its server-side default: for CSV files without
 * {@code reader_options}, the configured NA handling so that "NA" is not read as null.
 */
final class FileSourceRules {

    static final String TYPE = "file";
    static final List<String> FORMATS =
            List.of("csv", "json", "jsonl", "excel", "excel_binary", "feather", "parquet", "yaml");
    private static final String READER_OPTIONS = "reader_options";

    private final AirbyteSettings settings;

    FileSourceRules(AirbyteSettings settings) {
        this.settings = settings;
    }

    /** The configuration to send, with defaults applied; problems for every invalid field. */
    ObjectNode apply(FieldReader configuration, ProblemList problems) {
        Optional<String> storage = storage(configuration, problems);
        url(configuration, storage, problems);
        Optional<String> format = format(configuration, problems);
        problems.take(
                configuration.requiredText(
                        "dataset_name",
                        "Set dataset_name to the name of the stream (and table) the file becomes, e.g. vaccinations."),
                null);
        boolean hasReaderOptions = readerOptions(configuration, problems);
        ObjectNode result = ((ObjectNode) configuration.node()).deepCopy();
        if (!hasReaderOptions && format.filter("csv"::equals).isPresent()) {
            result.put(READER_OPTIONS, settings.fileReaderOptions());
        }
        return result;
    }

    private Optional<String> storage(FieldReader configuration, ProblemList problems) {
        String allowed = String.join(", ", new TreeSet<>(settings.allowedFileStorages()));
        FieldReader provider = problems.take(
                configuration.requiredObject(
                        "provider", "Add provider with storage: HTTPS (and user_agent: false), as the template does."),
                null);
        if (provider == null) {
            return Optional.empty();
        }
        String fix = "Set provider.storage to one of: " + allowed + ".";
        Optional<String> storage = Optional.ofNullable(problems.take(provider.requiredText("storage", fix), null));
        if (storage.isPresent() && !settings.allowedFileStorages().contains(storage.get())) {
            problems.add(
                    provider.problem(
                            "storage",
                            "is '" + storage.get() + "', which this server does not allow (allowed: " + allowed + ")",
                            fix
                                    + " Other storages must be allowed in the server configuration (airbyte.file.allowedStorages)."));
            return Optional.empty();
        }
        return storage;
    }

    private static void url(FieldReader configuration, Optional<String> storage, ProblemList problems) {
        String fix = "Set url to the absolute https:// address of the file, e.g. https://example.org/data/file.csv.";
        String url = problems.take(configuration.requiredText("url", fix), null);
        if (url == null || storage.isEmpty() || !storage.get().equals(AirbyteSettings.HTTPS_STORAGE)) {
            return;
        }
        try {
            URI uri = new URI(url.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                problems.add(configuration.problem(
                        "url",
                        "is '" + url + "', which is not an absolute https:// URL (provider.storage is HTTPS)",
                        fix));
            }
        } catch (URISyntaxException e) {
            problems.add(configuration.problem("url", "is not a valid URL: " + e.getReason(), fix));
        }
    }

    private static Optional<String> format(FieldReader configuration, ProblemList problems) {
        String fix = "Set format to one of: " + String.join(", ", FORMATS) + ".";
        Optional<String> format = Optional.ofNullable(problems.take(configuration.requiredText("format", fix), null));
        if (format.isPresent() && !FORMATS.contains(format.get())) {
            problems.add(configuration.problem(
                    "format", "is '" + format.get() + "', which the File source does not read", fix));
            return Optional.empty();
        }
        return format;
    }

    /** Checks {@code reader_options}; whether the descriptor sets it. */
    private static boolean readerOptions(FieldReader configuration, ProblemList problems) {
        if (!configuration.has(READER_OPTIONS)) {
            return false;
        }
        JsonNode value = configuration.raw(READER_OPTIONS);
        String fix = "Write reader_options as a JSON object inside a string, e.g. '{\"sep\": \";\"}'; the File"
                + " source reads it as text.";
        if (!value.isTextual()) {
            problems.add(configuration.problem(
                    READER_OPTIONS,
                    "must be a string holding a JSON object, but is " + Descriptors.describeType(value),
                    fix));
            return true;
        }
        try {
            if (!Jsons.MAPPER.readTree(value.asText()).isObject()) {
                problems.add(configuration.problem(READER_OPTIONS, "must hold a JSON object", fix));
            }
        } catch (JsonProcessingException e) {
            problems.add(configuration.problem(READER_OPTIONS, "is not valid JSON: " + e.getOriginalMessage(), fix));
        }
        return true;
    }
}
