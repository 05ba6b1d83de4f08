package dev.meshprov.core.testing;

import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisioningRequest;
import io.vavr.control.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds parsed requests from YAML text or classpath fixtures, for technology tests. */
public final class TestRequests {

    private static final DescriptorParser PARSER = new DescriptorParser(SafeYaml.withDefaults());

    private TestRequests() {}

    /** Parses a component descriptor; fails the test when the descriptor's common structure is invalid. */
    public static ComponentRequest componentRequest(String descriptorYaml) {
        var parsed = PARSER.parse(ProvisioningRequest.ofComponentDescriptor(descriptorYaml, false));
        if (parsed.isInvalid()) {
            throw new AssertionError("fixture is not a valid component descriptor: " + parsed.getError());
        }
        return parsed.get();
    }

    /** Parses a request, returning the validation so tests can assert on structural problems. */
    public static Validation<io.vavr.collection.Seq<dev.meshprov.core.model.Problem>, ComponentRequest> parse(
            ProvisioningRequest request) {
        return PARSER.parse(request);
    }

    /** Reads a classpath resource as UTF-8 text. */
    public static String resource(String name) {
        try (InputStream in = TestRequests.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
