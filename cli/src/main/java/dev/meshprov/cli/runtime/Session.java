package dev.meshprov.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.output.ConfigReport;
import dev.meshprov.cli.output.OutputFormat;
import dev.meshprov.cli.output.Printer;
import dev.meshprov.cli.output.Renderer;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.bootstrap.ConfigSource;
import dev.meshprov.http.logging.LoggingSettings;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a command against a configured meshprov: finds and loads the configuration ({@code --config}, else
 * {@code MESHPROV_CONFIG}, else {@code ./meshprov.yaml}, else the embedded default), sets up logging from it, wires
 * the {@link Application} through the shared composition root and hands it to the command with a {@link Renderer}
 * that masks the application's secrets; closes it afterwards. An invalid configuration is reported with every
 * problem and ends the run with {@link ExitCode#USAGE}.
 */
public final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final String EMBEDDED_DEFAULT = "(none: the embedded default)";

    private final CliContext context;
    private final Optional<String> configFile;
    private final OutputFormat output;
    private final LoggingSetup.Profile profile;
    private final Map<String, String> overrides;
    private final Map<String, String> options;
    private final UpstreamObserver observer;

    private Session(
            CliContext context,
            Optional<String> configFile,
            OutputFormat output,
            LoggingSetup.Profile profile,
            Map<String, String> overrides,
            Map<String, String> options,
            UpstreamObserver observer) {
        this.context = Objects.requireNonNull(context, "context");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.output = Objects.requireNonNull(output, "output");
        this.profile = profile;
        this.overrides = Map.copyOf(overrides);
        this.options = Map.copyOf(options);
        this.observer = observer;
    }

    /** A command's session: quiet logging, no overrides, no observer. */
    public static Session of(CliContext context, Optional<String> configFile, OutputFormat output) {
        return new Session(
                context, configFile, output, LoggingSetup.Profile.COMMAND, Map.of(), Map.of(), UpstreamObserver.none());
    }

    /** The server's session: informative, structured logging. */
    public Session forServer() {
        return new Session(context, configFile, output, LoggingSetup.Profile.SERVER, overrides, options, observer);
    }

    /**
     * A setting given on the command line as {@code option} (e.g. {@code --port}), applied as the {@code MESHPROV_*}
     * override {@code variable} (e.g. {@code MESHPROV_SERVER_PORT}); a problem with it names the option.
     */
    public Session withOverride(String variable, String option, String value) {
        Map<String, String> moreOverrides = new HashMap<>(overrides);
        moreOverrides.put(variable, value);
        Map<String, String> moreOptions = new HashMap<>(options);
        moreOptions.put(variable, option);
        return new Session(context, configFile, output, profile, moreOverrides, moreOptions, observer);
    }

    /** Told about every upstream call (progress). */
    public Session withObserver(UpstreamObserver value) {
        return new Session(context, configFile, output, profile, overrides, options, value);
    }

    /** What a command does with a configured meshprov; returns its exit code. */
    @FunctionalInterface
    public interface Body {
        int run(Application application, Renderer renderer);
    }

    /** Runs {@code body} with the configured application, or reports the configuration's problems (exit 2). */
    public int run(Body body) {
        Configured configured = configure();
        if (configured.application().isEmpty()) {
            renderer(configured.redactor()).configurationError(configured.report());
            return ExitCode.USAGE;
        }
        try (Application application = configured.application().get()) {
            Renderer renderer = renderer(application.redactor());
            try {
                return body.run(application, renderer);
            } catch (RuntimeException e) {
                String reason = application.redactor().redact(e.toString());
                LOG.error("meshprov failed unexpectedly: {}", reason, new RedactedFailure(reason, e));
                new Printer(context.stdout(), context.stderr(), application.redactor())
                        .error("meshprov: failed unexpectedly (" + reason + "); the log above has the details");
                return ExitCode.FAILED;
            }
        }
    }

    /** Checks the configuration and prints the report: exit 0 when valid, 2 with every problem otherwise. */
    public int check() {
        Configured configured = configure();
        renderer(configured.redactor()).configuration(configured.report());
        configured.application().ifPresent(Application::close);
        return configured.report().isValid() ? ExitCode.OK : ExitCode.USAGE;
    }

    private Configured configure() {
        Map<String, String> environment = new HashMap<>(context.environment());
        environment.putAll(overrides);
        Optional<Path> file = ConfigSource.locate(configFile.map(Path::of), environment, context.workingDirectory())
                .map(context.workingDirectory()::resolve);
        String source = file.map(Path::toString).orElse(EMBEDDED_DEFAULT);
        Validation<Seq<Problem>, ConfigSource.Loaded> loaded = ConfigSource.loadLeniently(file, environment);
        if (loaded.isInvalid()) {
            LoggingSetup.apply(profile, Optional.empty(), context.stderr());
            return Configured.invalid(source, new Redactor(), loaded.getError().asJava());
        }
        JsonNode tree = loaded.get().tree();
        LoggingSetup.apply(profile, loggingSettings(tree), context.stderr());
        Redactor redactor = new Redactor();
        Bootstrap.registerSecrets(tree, redactor);
        BootstrapOptions bootstrap = BootstrapOptions.defaults()
                .withWorkingDirectory(context.workingDirectory())
                .withObserver(observer);
        Validation<Seq<Problem>, Application> created = Bootstrap.create(loaded.get(), bootstrap);
        if (created.isInvalid()) {
            return Configured.invalid(
                    source, redactor, created.getError().map(this::asOption).asJava());
        }
        Application application = created.get();
        return new Configured(
                new ConfigReport(source, List.of(), application.provisioner().technologies()),
                application.redactor(),
                Optional.of(application));
    }

    /** A problem with a setting given as a command-line option, named by the option ({@code --port: ...}). */
    private Problem asOption(Problem problem) {
        String option = options.get(problem.field());
        return option == null ? problem : Problem.of(option, problem.message(), problem.solution());
    }

    /** The logging section as written (absent values null), if it can be read; its problems come with the rest. */
    private static Optional<LoggingSettings> loggingSettings(JsonNode tree) {
        return ConfigSection.root(tree)
                .child("logging")
                .bind(LoggingSettings.class)
                .toJavaOptional();
    }

    private Renderer renderer(Redactor redactor) {
        return output.renderer(new Printer(context.stdout(), context.stderr(), redactor));
    }

    private record Configured(ConfigReport report, Redactor redactor, Optional<Application> application) {
        static Configured invalid(String source, Redactor redactor, List<Problem> problems) {
            return new Configured(new ConfigReport(source, problems, List.of()), redactor, Optional.empty());
        }
    }

    /** The stack trace of a bug, with a message that holds no secret. */
    private static final class RedactedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedFailure(String message, Throwable bug) {
            super(message, null, false, true);
            setStackTrace(bug.getStackTrace());
        }
    }
}
