package dev.meshprov.airbyte;

import static dev.meshprov.airbyte.ConfigProblems.blank;
import static dev.meshprov.airbyte.ConfigProblems.optional;

import dev.meshprov.core.airbyte.SnowflakeSettings;
import java.util.List;

/**
 * The {@code snowflake} settings injected into every Snowflake destination: a passphrase only with a private key,
 * host and user whenever credentials are given, and a host the Snowflake connector's specification accepts. Which
 * credential wins, and the warning about passwords, are the core's ({@link SnowflakeSettings}).
 */
final class SnowflakeChecks {

    private static final String HOST_EXAMPLE = "e.g. acme.eu-west-1.snowflakecomputing.com";

    private final ConfigProblems problems;

    SnowflakeChecks(ConfigProblems problems) {
        this.problems = problems;
    }

    /** The settings as given (blank ones absent); none when the section is absent. */
    SnowflakeSettings settings(AirbyteConfig.Snowflake snowflake) {
        if (snowflake == null) {
            return SnowflakeSettings.none();
        }
        if (!blank(snowflake.privateKeyPassword()) && blank(snowflake.privateKey())) {
            problems.add(
                    "snowflake.privateKeyPassword",
                    "is set without snowflake.privateKey",
                    "Set " + problems.key("snowflake.privateKey") + ", or remove the passphrase.");
        }
        boolean credentials = !blank(snowflake.password()) || !blank(snowflake.privateKey());
        if (credentials) {
            problems.required("snowflake.host", snowflake.host(), "the Snowflake account host");
            problems.required("snowflake.username", snowflake.username(), "the Snowflake user");
        }
        if (!blank(snowflake.host())) {
            host(snowflake.host().trim());
        }
        return new SnowflakeSettings(
                optional(snowflake.host()),
                optional(snowflake.role()),
                optional(snowflake.warehouse()),
                optional(snowflake.username()),
                optional(snowflake.password()),
                optional(snowflake.privateKey()),
                optional(snowflake.privateKeyPassword()),
                optional(snowflake.loadingMethod()));
    }

    /** The host must match the pattern of the Snowflake connector's specification, which Airbyte enforces. */
    private void host(String host) {
        for (JsonSchemaSpecification.TextRule rule :
                VendoredConnectorSpecifications.snowflake().specification().patterns(List.of("host"))) {
            if (!rule.pattern().matcher(host).find()) {
                problems.add(
                        "snowflake.host",
                        "is '" + host + "', which the Snowflake connector refuses (its specification requires the"
                                + " pattern " + rule.pattern() + ")",
                        "Set " + problems.key("snowflake.host") + " to the account host, "
                                + rule.descriptor().orElse(HOST_EXAMPLE) + ".");
            }
        }
    }
}
