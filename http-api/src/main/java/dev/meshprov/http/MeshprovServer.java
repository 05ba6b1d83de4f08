package dev.meshprov.http;

import dev.meshprov.core.port.Technology;
import dev.meshprov.core.service.Registration;
import dev.meshprov.http.api.ApiRoutes;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.ServerSettings;
import io.javalin.Javalin;
import io.javalin.util.JavalinException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meshprov HTTP server: the Specific Provisioner API 2.2.0 of a configured {@link Application}, on Javalin.
 * Used by the CLI's {@code serve}, by tests and by embedders. Besides the contract it serves {@code /health/live},
 * {@code /health/ready}, {@code /openapi.yaml}, {@code /docs} (Swagger UI) and {@code /metrics} (Prometheus); every
 * response carries the request's correlation id in the {@code traceId} header.
 *
 * <pre>{@code
 * Application app = Bootstrap.start(configFile, System.getenv(), BootstrapOptions.defaults()).get();
 * LoggingSetup.apply(app.settings().logging()); // JSON lines on stdout, or text (needs logback)
 * MeshprovServer server = MeshprovServer.start(app);
 * ...
 * server.stop();
 * }</pre>
 */
public final class MeshprovServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeshprovServer.class);

    private final Javalin javalin;
    private final Application application;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private MeshprovServer(Javalin javalin, Application application) {
        this.javalin = javalin;
        this.application = application;
        this.port = javalin.port();
    }

    /**
     * Starts serving on {@code server.host}:{@code server.port} (port 0 picks a free port, see {@link #port()}).
     *
     * @throws io.javalin.util.JavalinBindException when the port cannot be bound
     */
    public static MeshprovServer start(Application application) {
        Objects.requireNonNull(application, "application");
        ServerSettings server = application.settings().server();
        Duration grace = application.settings().tasks().shutdownGrace();
        ParsingWarmUp.startInBackground();
        sizeJettyCacheLinePadding();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = server.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.threadPool = threadPool(server.maxThreads());
            config.jetty.modifyServer(jetty -> jetty.setStopTimeout(grace.toMillis()));
            ApiRoutes.install(config, application);
        });
        javalin.start(server.host(), server.port());
        LOG.info(
                "meshprov serves the Specific Provisioner API on {}:{} with technologies {}",
                server.host(),
                javalin.port(),
                application.provisioner().technologies().stream()
                        .filter(Registration::isEnabled)
                        .map(MeshprovServer::summary)
                        .toList());
        return new MeshprovServer(javalin, application);
    }

    /** A technology for the start-up line: its name, and where it works when it says ({@code mwaa (DAGs in ...)}). */
    private static String summary(Registration registration) {
        String summary =
                registration.technology().map(MeshprovServer::summaryOf).orElse("");
        return summary.isBlank() ? registration.name() : registration.name() + " (" + summary + ")";
    }

    private static String summaryOf(Technology<?> technology) {
        try {
            return technology.summary();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Jetty's own property: how many object references fill a 64-byte cache line (its queues pad by it). */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * Unless set, Jetty finds how many references fill a cache line by asking the platform MBean server whether
     * compressed references are in use, which starts JMX: some 200 classes and tens of milliseconds before the first
     * answer, and memory that stays. Below 32 GiB of heap the JVM compresses references (4 bytes, 16 a line) unless
     * told not to; the value only sizes padding against false sharing, so a wrong guess costs nothing but that.
     */
    private static void sizeJettyCacheLinePadding() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
        }
    }

    /**
     * Jetty's default pool grows to 200 threads, each with its stack: far more than a provisioner on a few cores
     * needs, and resident memory that stays once a burst has passed.
     */
    private static QueuedThreadPool threadPool(int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(4, maxThreads), 60_000);
        pool.setName("meshprov-http");
        return pool;
    }

    /** The port the server listens (or listened, once stopped) on. */
    public int port() {
        return port;
    }

    /**
     * Stops gracefully: stops accepting connections, lets requests in flight finish, then lets running tasks
     * finish — all within {@code tasks.shutdownGrace} — and fails the tasks left so that pollers get an answer; then
     * closes the task database, if any. Idempotent.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Duration grace = application.settings().tasks().shutdownGrace();
        long started = System.nanoTime();
        LOG.info("meshprov stops: up to {} for requests and tasks in flight", grace);
        try {
            javalin.stop();
        } catch (JavalinException e) {
            // Jetty stops everything, then reports that the graceful part ran out of time
            LOG.warn("HTTP requests or connections still open after {} were closed: {}", grace, e.getMessage());
        }
        Duration left = grace.minusNanos(System.nanoTime() - started);
        application.shutdown(left.isNegative() ? Duration.ZERO : left);
        LOG.info("meshprov stopped");
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
