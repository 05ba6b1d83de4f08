package dev.meshprov.cli.command;

import dev.meshprov.cli.runtime.CliContext;
import picocli.CommandLine.Command;

/** {@code config check}: validates the configuration and prints every problem with its key and fix. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validates the configuration (--config, $MESHPROV_CONFIG, ./meshprov.yaml or the embedded"
                + " default, with the MESHPROV_* overrides): exit 0 when valid, 2 with every problem, its key and"
                + " fix. Contacts no upstream system.")
final class ConfigCheckCommand extends SessionCommand {

    ConfigCheckCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        return session().check();
    }
}
