package dev.meshprov.http.logging;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line per upstream call attempt of a technology on logger {@code dev.meshprov.upstream}: technology, system,
 * operation (method and path template), target, outcome, duration and attempt — as key-value pairs (JSON fields),
 * and in the message with the path once, as called.
 * Never a body; the target passes through the redactor all the same. Failed attempts (no HTTP status, or 5xx) are
 * warnings, the rest information.
 */
public final class UpstreamLog implements UpstreamObserver {

    private static final Logger LOG = LoggerFactory.getLogger("dev.meshprov.upstream");

    private final Redactor redactor;
    private final String technology;

    /**
     * @param redactor masks secrets in the target
     * @param technology the technology making the calls
     */
    public UpstreamLog(Redactor redactor, String technology) {
        this.redactor = redactor;
        this.technology = technology;
    }

    @Override
    public void completed(UpstreamCall call) {
        Level level = failed(call.outcome()) ? Level.WARN : Level.INFO;
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        String target = redactor.redact(call.target());
        long millis = call.duration().toMillis();
        LOG.atLevel(level)
                .addKeyValue("technology", technology)
                .addKeyValue("system", call.system())
                .addKeyValue("operation", call.operation())
                .addKeyValue("target", target)
                .addKeyValue("outcome", call.outcome())
                .addKeyValue("durationMs", millis)
                .addKeyValue("attempt", call.attempt())
                .log(message(new UpstreamCall(
                        call.system(), call.operation(), target, call.outcome(), call.duration(), call.attempt())));
    }

    /**
     * {@code <system> <call> <target> -> <outcome> in <n>ms (attempt <n>)}, naming the path once: a call whose
     * operation is a method and a path template ({@code GET /v1/sources/{sourceId}}) shows the method and the path as
     * called; any other ({@code HeadObject}) its target after it.
     */
    static String message(UpstreamCall call) {
        String operation = call.operation();
        int space = operation.indexOf(' ');
        boolean pathCall = space > 0
                && operation.startsWith("/", space + 1)
                && call.target().startsWith("/");
        String what = pathCall
                ? operation.substring(0, space) + " " + call.target()
                : operation + (call.target().isEmpty() ? "" : " " + call.target());
        return call.system() + " " + what + " -> " + call.outcome() + " in "
                + call.duration().toMillis() + "ms (attempt " + call.attempt() + ")";
    }

    /**
     * Whether the attempt failed on the upstream's side or on the way (5xx, time-outs, I/O errors, refused
     * credentials...). Answers about the request itself ({@code ok}, 2xx-4xx, not found, conflict) are information.
     */
    static boolean failed(String outcome) {
        if (outcome.length() == 3 && outcome.chars().allMatch(Character::isDigit)) {
            return outcome.charAt(0) == '5';
        }
        return !ANSWERS.contains(outcome.toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> ANSWERS =
            java.util.Set.of("ok", "not found", "not-found", "conflict", "exists");
}
