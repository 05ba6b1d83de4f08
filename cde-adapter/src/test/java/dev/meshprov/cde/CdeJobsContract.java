package dev.meshprov.cde;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDE jobs API and Knox token endpoint as public sources show them — {@code vendor/cde/jobs-api-contract.yaml},
 * written by meshprov field by field from the sources in {@code vendor/cde/README.md} — as the judge of
 * {@link FakeCdeServer}: request bodies are closed, unknown paths and methods are violations.
 */
final class CdeJobsContract {

    static final String CONTRACT = "vendor/cde/jobs-api-contract.yaml";

    private static final OpenApiJudge JUDGE = new OpenApiJudge(OpenApiJudge.resource(CONTRACT), true);

    private CdeJobsContract() {}

    static OpenApiJudge judge() {
        return JUDGE;
    }

    /** The query string as parameters. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
