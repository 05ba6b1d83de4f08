package dev.meshprov.cli.command;

import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.cli.runtime.Session;
import dev.meshprov.http.MeshprovServer;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.ServerSettings;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the Specific Provisioner API until the process is asked to stop (SIGTERM, SIGINT), then a graceful
 * stop: no new connections, requests and tasks in flight finish within {@code tasks.shutdownGrace}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Serves the Witboost Specific Provisioner API 2.2.0 until SIGTERM or SIGINT, then stops"
                + " gracefully. Logs at info, as JSON lines unless logging.format is text.")
final class ServeCommand extends SessionCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "The port to listen on (overrides server.port; default 8093; 0 picks a free one).")
    private Integer port;

    @Option(
            names = "--host",
            paramLabel = "H",
            description = "The address to listen on (overrides server.host; default 0.0.0.0).")
    private String host;

    ServeCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Session session = session().forServer();
        if (port != null) {
            session = session.withOverride("MESHPROV_SERVER_PORT", "--port", port.toString());
        }
        if (host != null) {
            session = session.withOverride("MESHPROV_SERVER_HOST", "--host", host);
        }
        return session.run((application, renderer) -> serve(application));
    }

    private int serve(Application application) {
        ServerSettings settings = application.settings().server();
        MeshprovServer server;
        try {
            server = MeshprovServer.start(application);
        } catch (RuntimeException e) {
            LOG.error(
                    "meshprov cannot listen on {}:{}: {}",
                    settings.host(),
                    settings.port(),
                    application.redactor().redact(String.valueOf(e.getMessage())));
            return ExitCode.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        context.stopSignal().onStop(() -> {
            server.stop();
            stopped.countDown();
        });
        LOG.info(
                "meshprov listening on http://{}:{} (liveness: /health/live, contract: /openapi.yaml)",
                settings.host(),
                server.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        return ExitCode.OK;
    }
}
