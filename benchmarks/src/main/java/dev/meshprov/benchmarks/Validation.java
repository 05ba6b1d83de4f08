package dev.meshprov.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.mwaa.MwaaTechnologyProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Validation per technology of its example component ({@code Operation.VALIDATE}: static rules and online checks).
 *
 * <ul>
 *   <li>{@code mwaa}, {@code mwaa-large}: through the {@link Provisioner} facade as the HTTP API and the CLI call
 *       it (request parsing, routing, the technology), without HTTP, on the embedded default: the filesystem DAG
 *       store in a temporary working directory with the example's DAG staged, so the online check (the staging
 *       file exists) is real. {@code mwaa-large} is the large data product, whose workload is the same component.
 *       The {@code Provisioner} parses a descriptor text it has just parsed only once, and these send the same text
 *       every time, as a coordinator does for the components of one data product; {@code mwaa-unseen} and
 *       {@code mwaa-large-unseen} send a text never seen before every time (a comment with a counter appended), so
 *       each pays the whole parse.
 *   <li>{@code airbyte}, {@code cde}: the technology's {@code validate} on the already parsed example, with the core
 *       test-jar's in-memory gateways answering the online checks ({@link InMemoryTechnologies}).
 * </ul>
 */
public class Validation extends MeshprovBenchmark {

    @Param({"airbyte", "cde", "mwaa", "mwaa-unseen", "mwaa-large", "mwaa-large-unseen"})
    public String request;

    private Path workingDirectory;
    private Application application;
    private Supplier<Boolean> validation;

    @Setup(Level.Trial)
    public void setUp() {
        validation = switch (request) {
            case "airbyte" -> technology(InMemoryTechnologies.airbyte(), "airbyte-component.yaml");
            case "cde" -> technology(InMemoryTechnologies.cde(), "cde-component.yaml");
            case "mwaa" -> provisioner(Fixtures.example("mwaa-component.yaml"), false);
            case "mwaa-unseen" -> provisioner(Fixtures.example("mwaa-component.yaml"), true);
            case "mwaa-large" -> provisioner(LargeDataProduct.yaml(), false);
            case "mwaa-large-unseen" -> provisioner(LargeDataProduct.yaml(), true);
            default -> throw new IllegalArgumentException("no such request: " + request);
        };
        if (!validation.get()) {
            throw new IllegalStateException(request + " is not valid");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (application != null) {
            application.shutdown(Duration.ofSeconds(5));
            Fixtures.delete(workingDirectory);
        }
    }

    @Benchmark
    public boolean validate() {
        return validation.get();
    }

    private Supplier<Boolean> technology(Technology<?> technology, String example) {
        io.vavr.control.Validation<?, ComponentRequest> parsed = new DescriptorParser(SafeYaml.withDefaults())
                .parse(ProvisioningRequest.ofComponentDescriptor(Fixtures.example(example), false));
        if (parsed.isInvalid()) {
            throw new IllegalStateException(example + " does not parse: " + parsed.getError());
        }
        ComponentRequest component = parsed.get();
        return () -> technology.validate(component, Operation.VALIDATE).isValid();
    }

    private Supplier<Boolean> provisioner(String descriptorYaml, boolean unseen) {
        workingDirectory = Fixtures.workingDirectoryWithStagedDag();
        application = MwaaApplication.start(workingDirectory, "server: {host: 127.0.0.1, port: 0}");
        Provisioner provisioner = application.provisioner();
        ProvisioningRequest same = ProvisioningRequest.ofComponentDescriptor(descriptorYaml, false);
        AtomicLong sent = new AtomicLong();
        Supplier<ProvisioningRequest> next = unseen
                ? () -> ProvisioningRequest.ofComponentDescriptor(
                        descriptorYaml + "\n# " + sent.incrementAndGet() + "\n", false)
                : () -> same;
        return () -> provisioner
                .validate(Target.auto(), next.get(), CallOptions.sync())
                .isValid();
    }

    /** The composition root with only the MWAA technology, on the embedded default in a working directory. */
    static final class MwaaApplication {

        private MwaaApplication() {}

        static Application start(Path workingDirectory, String configYaml) {
            JsonNode config = SafeYaml.withDefaults()
                    .parse(configYaml, "benchmark configuration")
                    .get();
            io.vavr.control.Validation<?, Application> application = Bootstrap.create(
                    config,
                    BootstrapOptions.defaults()
                            .withWorkingDirectory(workingDirectory)
                            .withProviders(List.of(new MwaaTechnologyProvider())));
            if (application.isInvalid()) {
                throw new IllegalStateException("benchmark configuration rejected: " + application.getError());
            }
            return application.get();
        }
    }
}
