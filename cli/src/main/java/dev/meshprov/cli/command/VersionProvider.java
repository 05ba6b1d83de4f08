package dev.meshprov.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project version, from the resource filtered by the build (the jar manifest has it too). */
public final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "/dev/meshprov/cli/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "meshprov " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** The version, or "unknown" when the build did not record one. */
    public static String version() {
        return fromResource()
                .or(() -> Optional.ofNullable(VersionProvider.class.getPackage().getImplementationVersion()))
                .orElse("unknown");
    }

    private static Optional<String> fromResource() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"))
                    .filter(v -> !v.isBlank() && !v.startsWith("${"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
