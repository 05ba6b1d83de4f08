package dev.meshprov.cli.runtime;

/** Tells a long-running command ({@code serve}) that the process is asked to stop. */
@FunctionalInterface
public interface StopSignal {

    /** Runs {@code hook} once when the process is asked to stop; the process ends when the hook returns. */
    void onStop(Runnable hook);

    /** SIGTERM and SIGINT (Ctrl-C), through a JVM shutdown hook. */
    static StopSignal shutdownHook() {
        return hook -> Runtime.getRuntime().addShutdownHook(new Thread(hook, "meshprov-shutdown"));
    }
}
