package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The typed checks of the File source configuration and its server-side default: for CSV files without
 * {@code reader_options}, the configured NA handling so that "NA" is not read as null. Which formats the connector
 * reads is the connector's own rule: its vendored specification judges it (see {@link SpecificationCheck}).
 */
final class FileSourceRules {

    static final String TYPE = "file";
    private static final String READER_OPTIONS = "reader_options";
    private static final String CSV = "csv";

    private final AirbyteSettings settings;

    FileSourceRules(AirbyteSettings settings) {
        this.settings = settings;
    }

    /** The configuration to send, with defaults applied; problems for every invalid field. */
    ObjectNode apply(FieldReader configuration, ProblemList problems) {
        Optional<String> storage = storage(configuration, problems);
        url(configuration, storage, problems);
        Optional<String> format = Optional.ofNullable(problems.take(
                configuration.requiredText(
                        "format", "Set format to the file's format, e.g. csv (see the File connector's formats)."),
                null));
        problems.take(
                configuration.requiredText(
                        "dataset_name",
                        "Set dataset_name to the name of the stream (and table) the file becomes, e.g. vaccinations."),
                null);
        boolean hasReaderOptions = readerOptions(configuration, problems);
        ObjectNode result = ((ObjectNode) configuration.node()).deepCopy();
        if (injectsReaderOptions(hasReaderOptions, format)) {
            result.put(READER_OPTIONS, settings.fileReaderOptions());
        }
        return result;
    }

    /** The keys {@link #apply} sets from the server configuration, each with the configuration key it comes from. */
    Map<String, String> injectedKeys(FieldReader configuration) {
        JsonNode given = configuration.raw("format");
        Optional<String> format = given.isTextual() ? Optional.of(given.asText()) : Optional.empty();
        return injectsReaderOptions(configuration.has(READER_OPTIONS), format)
                ? Map.of(READER_OPTIONS, "airbyte.file.readerOptions")
                : Map.of();
    }

    private static boolean injectsReaderOptions(boolean hasReaderOptions, Optional<String> format) {
        return !hasReaderOptions && format.filter(CSV::equals).isPresent();
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
                            "is '" + storage.get() + "', which meshprov's configuration does not allow (allowed: "
                                    + allowed + ")",
                            fix
                                    + " Other storages must be allowed in meshprov's configuration (airbyte.file.allowedStorages)."));
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
