package dev.meshprov.http.bootstrap;

import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.port.UpstreamObserver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * What the composition root takes from its caller rather than from the configuration.
 *
 * @param clock the time source
 * @param workingDirectory relative paths of the configuration are resolved against it
 * @param providers the technologies available (by default those found with {@link ServiceLoader})
 * @param observer told about every upstream call
 */
public record BootstrapOptions(
        Clock clock, Path workingDirectory, List<TechnologyProvider> providers, UpstreamObserver observer) {

    public BootstrapOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        providers = List.copyOf(providers);
        Objects.requireNonNull(observer, "observer");
    }

    /** The system clock, the current directory, the technologies on the classpath, no observer. */
    public static BootstrapOptions defaults() {
        return new BootstrapOptions(
                Clock.systemUTC(), Path.of("").toAbsolutePath(), discoveredProviders(), UpstreamObserver.none());
    }

    public BootstrapOptions withWorkingDirectory(Path directory) {
        return new BootstrapOptions(clock, directory, providers, observer);
    }

    public BootstrapOptions withProviders(List<TechnologyProvider> list) {
        return new BootstrapOptions(clock, workingDirectory, list, observer);
    }

    public BootstrapOptions withObserver(UpstreamObserver value) {
        return new BootstrapOptions(clock, workingDirectory, providers, value);
    }

    /** The technology providers registered on the classpath, sorted by name. */
    public static List<TechnologyProvider> discoveredProviders() {
        return ServiceLoader.load(TechnologyProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(p -> p.descriptor().name()))
                .toList();
    }
}
