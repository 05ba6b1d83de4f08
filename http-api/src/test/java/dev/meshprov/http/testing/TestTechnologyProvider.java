package dev.meshprov.http.testing;

import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Set;

/**
 * Creates {@link TestTechnology} instances under any name. Passed to the bootstrap explicitly (never registered for
 * the {@link java.util.ServiceLoader}), so tests do not depend on which real adapters are on the classpath.
 */
public final class TestTechnologyProvider implements TechnologyProvider {

    private final TechnologyDescriptor descriptor;
    private final TestControls controls;

    public TestTechnologyProvider(String name, ExecutionMode mode, boolean enabledByDefault, TestControls controls) {
        this.descriptor = new TechnologyDescriptor(
                name,
                "Test technology " + name,
                mode,
                enabledByDefault,
                Set.of("workload"),
                "Set " + name + ".enabled: true and " + name + ".password (or MESHPROV_" + name.toUpperCase()
                        + "_PASSWORD) in the meshprov configuration.");
        this.controls = controls;
    }

    /**
     * The standard trio of the tests: {@code alpha} (sync), {@code beta} (async) and {@code gamma} (disabled unless
     * configured).
     */
    public static List<TechnologyProvider> standard(TestControls controls) {
        return List.of(
                new TestTechnologyProvider("alpha", ExecutionMode.SYNC, true, controls),
                new TestTechnologyProvider("beta", ExecutionMode.ASYNC, true, controls),
                new TestTechnologyProvider("gamma", ExecutionMode.SYNC, false, controls));
    }

    @Override
    public TechnologyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Validation<Seq<Problem>, Technology<?>> create(ConfigSection config, TechnologyContext context) {
        return config.bind(TestTechnologyConfig.class).flatMap(bound -> {
            ProblemList problems = new ProblemList();
            if (bound.password() == null || bound.password().isBlank()) {
                problems.add(Problem.of(
                        config.key("password"),
                        "is required but missing",
                        "Set " + config.key("password") + " to the test upstream's password."));
            }
            return problems.toValidation(() -> new TestTechnology(
                    descriptor.name(),
                    bound.password(),
                    bound.reachable() == null || bound.reachable(),
                    controls,
                    context.clock(),
                    context.observer()));
        });
    }
}
