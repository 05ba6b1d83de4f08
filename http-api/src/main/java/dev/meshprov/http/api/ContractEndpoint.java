package dev.meshprov.http.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the Specific Provisioner API 2.2.0 contract this server implements, byte for byte as
 * shipped in the jar. It is a constant of the build, not data of a request, so it carries no configured secret and
 * is served as-is rather than redacted (redaction could only corrupt it).
 */
final class ContractEndpoint {

    /** The classpath resource holding the contract. */
    static final String RESOURCE = "interface-specification.yml";

    private final byte[] contract;

    private ContractEndpoint(byte[] contract) {
        this.contract = contract;
    }

    /** Loads the contract once, at start-up. */
    static ContractEndpoint load() {
        try (InputStream in = ContractEndpoint.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return new ContractEndpoint(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void serve(Context ctx) {
        ctx.status(200).contentType("application/yaml").result(contract);
    }
}
