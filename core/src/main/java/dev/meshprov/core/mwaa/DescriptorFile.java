package dev.meshprov.core.mwaa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.secret.Redactor;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The data product descriptor file the DAGs of one data product and major version read: the {@code dataProduct}
 * subtree as YAML, with secret-looking values masked (the DAG folder is readable by every Airflow user).
 *
 * @param text the file's content
 */
record DescriptorFile(String text) {

    static final String CONTENT_TYPE = "application/yaml";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    /** Renders the file for {@code dataProduct}. */
    static DescriptorFile render(DataProductPrefix prefix, JsonNode dataProduct, Redactor redactor) {
        try {
            String header = "# Data product descriptor of " + prefix.dotted() + ", written by meshprov when one of its"
                    + " DAGs is provisioned. Do not edit: the next provisioning replaces it.\n";
            return new DescriptorFile(header + YAML.writeValueAsString(redactor.redact(dataProduct)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a parsed descriptor tree always renders as YAML", e);
        }
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The fingerprint a store records as the origin of this content. */
    String hash() {
        return ContentHash.sha256Hex(bytes());
    }
}
