package dev.meshprov.cde;

import java.net.URI;
import java.util.Locale;

/**
 * The CDP API base URL, by {@code cloudera/cdpcli}'s rule ({@code cdpcli/endpoint.py},
 * {@code EndpointResolver._construct_cdp_endpoint} with the {@code api} prefix of {@code de.yaml}): region
 * {@code usg-1} (CDP for US Government) is served from {@code api.usg-1.cdp.clouderagovt.com}, every other region
 * from {@code api.<region>.cdp.cloudera.com}; {@code default} means {@code us-west-1}. An explicit endpoint with one
 * {@code %s} gets the prefix {@code api} there, as cdpcli substitutes it ({@code _substitute_custom_endpoint}).
 */
final class CdpEndpoints {

    static final String DEFAULT_REGION = "us-west-1";
    static final String GOVERNMENT_REGION = "usg-1";
    private static final String PREFIX = "api";

    private CdpEndpoints() {}

    /** The base URL of the CDP API in {@code region}. */
    static URI forRegion(String region) {
        String name = region.strip().toLowerCase(Locale.ROOT);
        if (name.equals("default")) {
            name = DEFAULT_REGION;
        }
        String domain = name.equals(GOVERNMENT_REGION) ? "cdp.clouderagovt.com" : "cdp.cloudera.com";
        return URI.create("https://" + PREFIX + "." + name + "." + domain);
    }

    /** An explicit endpoint, with cdpcli's {@code %s} placeholder replaced by the API prefix. */
    static String explicit(String endpoint) {
        return endpoint.indexOf("%s") >= 0 && endpoint.indexOf("%s") == endpoint.lastIndexOf("%s")
                ? endpoint.replace("%s", PREFIX)
                : endpoint;
    }
}
