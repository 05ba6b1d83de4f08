package dev.meshprov.airbyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshprov.core.airbyte.AirbyteSettings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code file} settings of File sources: the default {@code reader_options} (a JSON object as text) and the
 * storages descriptors may use, among those of the File connector's specification.
 */
final class FileSourceChecks {

    private final ConfigProblems problems;

    FileSourceChecks(ConfigProblems problems) {
        this.problems = problems;
    }

    /** The reader options given, or the default when absent or not a JSON object. */
    String readerOptions(String readerOptions) {
        if (readerOptions == null) {
            return AirbyteSettings.DEFAULT_FILE_READER_OPTIONS;
        }
        try {
            if (JsonMapper.builder().build().readTree(readerOptions).isObject()) {
                return readerOptions;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        problems.add(
                "file.readerOptions",
                "is not a JSON object",
                "Write it as a JSON object in a string, e.g. '{\"keep_default_na\": false, \"na_values\": [\"\"]}'.");
        return AirbyteSettings.DEFAULT_FILE_READER_OPTIONS;
    }

    /** The known storages given, in order; only HTTPS when absent. */
    Set<String> storages(List<String> storages) {
        if (storages == null) {
            return Set.of(AirbyteSettings.HTTPS_STORAGE);
        }
        Set<String> allowed = new LinkedHashSet<>();
        List<String> known =
                VendoredConnectorSpecifications.file().specification().allowedValues(List.of("provider", "storage"));
        for (int i = 0; i < storages.size(); i++) {
            String storage = storages.get(i);
            if (storage == null || !known.contains(storage)) {
                problems.add(
                        "file.allowedStorages[" + i + "]",
                        "is '" + storage + "', which is not a storage of the File connector's specification",
                        "Use values of " + known + ".");
            } else {
                allowed.add(storage);
            }
        }
        return allowed;
    }
}
