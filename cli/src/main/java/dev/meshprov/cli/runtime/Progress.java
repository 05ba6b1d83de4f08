package dev.meshprov.cli.runtime;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Shows that a long operation (plan, provision, unprovision) is running: on a terminal, one line on stderr with the
 * elapsed seconds and the latest upstream call, rewritten in place and erased at the end; nothing in a pipe. It
 * learns about upstream calls as the {@link UpstreamObserver} of the composition root.
 */
public interface Progress extends UpstreamObserver {

    /** Runs {@code work}, showing {@code activity} (e.g. "provisioning") while it runs. */
    <T> T during(String activity, Supplier<T> work);

    /** A progress line on {@code stderr} when {@code terminal}, else nothing. */
    static Progress of(boolean terminal, PrintStream stderr) {
        return terminal ? new TerminalProgress(stderr, Clock.systemUTC()) : none();
    }

    /** Shows nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public <T> T during(String activity, Supplier<T> work) {
                return work.get();
            }

            @Override
            public void completed(UpstreamCall call) {}
        };
    }
}
