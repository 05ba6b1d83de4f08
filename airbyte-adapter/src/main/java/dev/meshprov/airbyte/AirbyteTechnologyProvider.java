package dev.meshprov.airbyte;

import dev.meshprov.core.airbyte.AirbyteTechnology;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates the Airbyte technology from the {@code airbyte} configuration section: checks it, registers its secrets
 * with the shared redactor and wires the gateway over Airbyte's public API. Calls nothing upstream.
 */
public final class AirbyteTechnologyProvider implements TechnologyProvider {

    /** The technology's name: configuration section, URL prefix and routing key. */
    public static final String NAME = "airbyte";

    private static final TechnologyDescriptor DESCRIPTOR = new TechnologyDescriptor(
            NAME,
            "Airbyte",
            ExecutionMode.ASYNC,
            false,
            Set.of("workload"),
            "Set airbyte.enabled: true, airbyte.apiUrl (e.g. http://airbyte:8000/api/public), airbyte.workspaceId"
                    + " (the workspace UUID), airbyte.auth (type none, basic with username and password, bearer with"
                    + " token, or clientCredentials with clientId and clientSecret) and, for Snowflake destinations,"
                    + " airbyte.snowflake (host, role, warehouse, username, and privateKey; password only where key-pair"
                    + " authentication is not possible yet).");

    @Override
    public TechnologyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Validation<Seq<Problem>, Technology<?>> create(ConfigSection config, TechnologyContext context) {
        String section = config.path().isEmpty() ? NAME : config.path();
        return config.bind(AirbyteConfig.class)
                .peek(bound -> registerSecrets(bound, context.redactor()))
                .flatMap(bound -> ConfigChecks.check(bound, section))
                .map(resolved -> new AirbyteTechnology(
                        resolved.settings(),
                        GatewayFactory.create(resolved, context, Sleeper.threadSleep()),
                        context.redactor(),
                        context.clock(),
                        new VendoredConnectorSpecifications()));
    }

    private static void registerSecrets(AirbyteConfig config, Redactor redactor) {
        Stream.Builder<String> secrets = Stream.builder();
        if (config.auth() != null) {
            secrets.add(config.auth().password())
                    .add(config.auth().token())
                    .add(config.auth().clientSecret());
        }
        if (config.snowflake() != null) {
            secrets.add(config.snowflake().password())
                    .add(config.snowflake().privateKey())
                    .add(config.snowflake().privateKeyPassword());
        }
        secrets.build().forEach(redactor::register);
    }
}
