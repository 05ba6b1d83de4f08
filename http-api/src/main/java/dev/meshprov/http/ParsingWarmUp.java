package dev.meshprov.http;

import dev.meshprov.core.cron.CronReader;
import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.http.wire.ProvisioningRequestReader;
import dev.meshprov.http.wire.ProvisioningRequestReader.RemoveData;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and parses a small built-in request, and a cron expression of each dialect, on a background thread while the
 * server starts, so that the first real request finds the JSON, YAML and cron parsing code loaded and initialised
 * instead of paying for it (about a tenth of a
 * second on two cores). Pure computation on a daemon thread: it calls no technology, touches no file and no
 * upstream, and a failure only means the first request does that work itself.
 */
final class ParsingWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ParsingWarmUp.class);

    /** A request of the contract's shape whose descriptor exercises maps, lists, strings, numbers and nulls. */
    static final String REQUEST =
            """
            {"descriptorKind": "COMPONENT_DESCRIPTOR", "removeData": false, "descriptor": "dataProduct:\\n  id: \
            urn:dmb:dp:warm:up:1\\n  domain: warm\\n  environment: development\\n  version: 1.0.0\\n  informationSLA: \
            null\\n  components:\\n    - id: urn:dmb:cmp:warm:up:1:job\\n      kind: workload\\n      version: 1.0.0\\n\
                  tags: []\\n      specific: {retries: 3, ratio: 0.5, enabled: true, 'quoted': \\"text\\"}\\n\
            componentIdToProvision: urn:dmb:cmp:warm:up:1:job\\n"}
            """;

    private ParsingWarmUp() {}

    static void startInBackground() {
        Thread thread = new Thread(ParsingWarmUp::run, "meshprov-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Parses {@link #REQUEST}; whether the component was found. */
    static boolean run() {
        try {
            DescriptorParser parser = new DescriptorParser(SafeYaml.withDefaults());
            boolean parsed = ProvisioningRequestReader.read(
                            REQUEST.getBytes(StandardCharsets.UTF_8), RemoveData.REQUIRED)
                    .flatMap(parser::parse)
                    .isValid();
            CronReader.warmUp();
            return parsed;
        } catch (RuntimeException e) {
            LOG.debug("parsing warm-up failed, the first request will load the parsers itself", e);
            return false;
        }
    }
}
