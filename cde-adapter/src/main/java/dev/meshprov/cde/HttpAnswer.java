package dev.meshprov.cde;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer, whatever its status, with its body read (the answers meshprov reads are small JSON documents).
 *
 * @param status the HTTP status
 * @param headers the headers, names case-insensitive
 * @param body the body; empty when there was none
 */
record HttpAnswer(int status, Map<String, Collection<String>> headers, byte[] body) {

    HttpAnswer {
        TreeMap<String, Collection<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name))
                .flatMap(values -> values.stream().findFirst());
    }

    static HttpAnswer of(int status, Map<String, List<String>> headers, byte[] body) {
        return new HttpAnswer(status, Map.copyOf(headers), body);
    }
}
