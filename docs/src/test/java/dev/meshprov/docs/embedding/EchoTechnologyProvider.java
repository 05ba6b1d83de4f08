package dev.meshprov.docs.embedding;

import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Set;

/**
 * Creates the {@link EchoTechnology} from its {@code echo} section. Not registered in {@code META-INF/services} here,
 * so that the build's server tests see only the real technologies; a technology module registers its provider.
 */
public final class EchoTechnologyProvider implements TechnologyProvider {

    // tag::new-provider[]
    /** The {@code echo} configuration section; absent keys are null. */
    public record EchoConfig(String greeting) {}

    private static final TechnologyDescriptor DESCRIPTOR = new TechnologyDescriptor(
            "echo", // configuration section, URL prefix (/echo/v1/...) and routing key
            "Echo",
            ExecutionMode.SYNC,
            false, // disabled unless the configuration enables it
            Set.of("workload"),
            "Set echo.enabled: true, and optionally echo.greeting.");

    @Override
    public TechnologyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Validation<Seq<Problem>, Technology<?>> create(ConfigSection config, TechnologyContext context) {
        return config.bind(EchoConfig.class).flatMap(bound -> {
            String greeting = bound.greeting() == null ? "echo:" : bound.greeting();
            if (greeting.isBlank()) {
                return Validations.invalid(Problem.of(
                        config.key("greeting"), "is blank", "Write a greeting, or remove the key for the default."));
            }
            return Validations.<Technology<?>>valid(new EchoTechnology(greeting));
        });
    }
    // end::new-provider[]
}
