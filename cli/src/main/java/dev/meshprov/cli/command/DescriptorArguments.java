package dev.meshprov.cli.command;

import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** FILE and {@code --component}: what validate, plan, provision and unprovision act on. */
public final class DescriptorArguments {

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "A component descriptor YAML (dataProduct + componentIdToProvision), a data product YAML"
                    + " with --component, or a ProvisioningRequest JSON (descriptorKind, descriptor, ...);"
                    + " - reads stdin.")
    private String file;

    @Option(
            names = {"-c", "--component"},
            paramLabel = "ID",
            description = "The component to act on when FILE has no componentIdToProvision (overrides it otherwise).")
    private String component;

    public String file() {
        return file;
    }

    public Optional<String> component() {
        return Optional.ofNullable(component);
    }
}
