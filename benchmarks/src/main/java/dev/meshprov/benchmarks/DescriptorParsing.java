package dev.meshprov.benchmarks;

import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Parsing a {@code COMPONENT_DESCRIPTOR} request (SafeYaml with its limits, then {@link DescriptorParser} finding
 * the data product and the component to provision) for each technology's example and for a large data product
 * ({@value LargeDataProduct#COMPONENTS} components, {@value LargeDataProduct#COLUMNS} schema columns).
 */
public class DescriptorParsing extends MeshprovBenchmark {

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
