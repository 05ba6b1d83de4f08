package dev.meshprov.http.e2e;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts the upstream calls the technologies report to the {@link UpstreamObserver}, split into reads, writes and
 * token requests, between two {@link #take()} calls. Retries count as calls: each attempt is one.
 */
final class UpstreamCallCounter implements UpstreamObserver {

    private final List<UpstreamCall> calls = new ArrayList<>();

    @Override
    public synchronized void completed(UpstreamCall call) {
        calls.add(call);
    }

    /** The calls since the previous {@code take()}, and starts counting afresh. */
    synchronized Counts take() {
        List<UpstreamCall> taken = List.copyOf(calls);
        calls.clear();
        return Counts.of(taken);
    }

    /** Calls of one operation; {@code operations} lists them, e.g. {@code 2×Airbyte GET /v1/sources/{id}}. */
    record Counts(int reads, int writes, int tokens, List<UpstreamCall> calls) {

        static Counts of(List<UpstreamCall> calls) {
            int reads = 0;
            int writes = 0;
            int tokens = 0;
            for (UpstreamCall call : calls) {
                switch (kind(call)) {
                    case TOKEN -> tokens++;
                    case READ -> reads++;
                    case WRITE -> writes++;
                }
            }
            return new Counts(reads, writes, tokens, calls);
        }

        int total() {
            return reads + writes + tokens;
        }

        /** The distinct calls with their number, in the order first made. */
        String operations() {
            java.util.Map<String, Integer> counted = new java.util.LinkedHashMap<>();
            calls.forEach(call -> counted.merge(call.system() + " " + call.operation(), 1, Integer::sum));
            StringBuilder out = new StringBuilder();
            counted.forEach((operation, count) -> out.append(out.isEmpty() ? "" : ", ")
                    .append(count)
                    .append("×")
                    .append(operation));
            return out.toString();
        }
    }

    private enum Kind {
        READ,
        WRITE,
        TOKEN
    }

    /**
     * HTTP calls by method (GET and HEAD read), AWS SDK and file-system calls by operation name (Head, Get, List,
     * Read, Exists and Stat read); token and login calls are counted apart, since a cache makes them rare.
     */
    private static Kind kind(UpstreamCall call) {
        String operation = call.operation();
        String lower = operation.toLowerCase(Locale.ROOT);
        if (lower.contains("token") || lower.contains("knox") || lower.contains("login")) {
            return Kind.TOKEN;
        }
        String verb = operation.split("[ /]", 2)[0];
        return switch (verb.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD" -> Kind.READ;
            case "POST", "PUT", "PATCH", "DELETE" -> isListingPost(lower) ? Kind.READ : Kind.WRITE;
            default ->
                verb.matches("(?i)(head|get|list|read|exists|stat|describe|find|check).*") ? Kind.READ : Kind.WRITE;
        };
    }

    /** CDP's control-plane API answers queries on POST ({@code /api/v1/de/listServices}, {@code describeVc}). */
    private static boolean isListingPost(String lowerOperation) {
        return lowerOperation.matches(".*/(list|describe|get)[a-z]*$");
    }
}
