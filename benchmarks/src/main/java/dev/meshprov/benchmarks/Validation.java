package dev.meshprov.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ValidationResult;
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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation through the {@link Provisioner} facade (request parsing, routing, the technology's static rules and
 * its online checks), as the HTTP API and the CLI call it, without HTTP. MWAA runs on the embedded default: the
 * filesystem DAG store in a temporary working directory with the example's DAG staged, so its online check (the
 * staging file exists) is real and the component is valid. The example component and the large data product (its
 * workload component is the same MWAA component) are measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Validation {

    @Param({"mwaa", "mwaa-large"})
    public String request;

    private Path workingDirectory;
    private Application application;
    private ProvisioningRequest provisioningRequest;

    @Setup(Level.Trial)
    public void setUp() {
        workingDirectory = Fixtures.workingDirectoryWithStagedDag();
        application = MwaaApplication.start(workingDirectory, "server: {host: 127.0.0.1, port: 0}");
        String yaml = request.equals("mwaa-large") ? LargeDataProduct.yaml() : Fixtures.example("mwaa-component.yaml");
        provisioningRequest = ProvisioningRequest.ofComponentDescriptor(yaml, false);
        ValidationResult result = validate();
        if (!result.isValid()) {
            throw new IllegalStateException(request + " is not valid: " + result);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        application.shutdown(Duration.ofSeconds(5));
        Fixtures.delete(workingDirectory);
    }

    @Benchmark
    public ValidationResult validate() {
        return application.provisioner().validate(Target.auto(), provisioningRequest, CallOptions.sync());
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
