package dev.meshprov.benchmarks;

import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a {@code COMPONENT_DESCRIPTOR} request (SafeYaml with its limits, then {@link DescriptorParser} finding
 * the data product and the component to provision) for each technology's example and for a large data product
 * ({@value LargeDataProduct#COMPONENTS} components, {@value LargeDataProduct#COLUMNS} schema columns).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DescriptorParsing {

    @Param({"airbyte", "cde", "mwaa", "large"})
    public String descriptor;

    private DescriptorParser parser;
    private ProvisioningRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        String yaml =
                descriptor.equals("large") ? LargeDataProduct.yaml() : Fixtures.example(descriptor + "-component.yaml");
        parser = new DescriptorParser(SafeYaml.withDefaults());
        request = ProvisioningRequest.ofComponentDescriptor(yaml, false);
        Validation<Seq<Problem>, ComponentRequest> parsed = parser.parse(request);
        if (parsed.isInvalid()) {
            throw new IllegalStateException(descriptor + " does not parse: " + parsed.getError());
        }
    }

    @Benchmark
    public Validation<Seq<Problem>, ComponentRequest> parse() {
        return parser.parse(request);
    }
}
