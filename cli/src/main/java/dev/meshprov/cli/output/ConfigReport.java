package dev.meshprov.cli.output;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.service.Registration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a configuration.
 *
 * @param source the file read, or a phrase naming the embedded default
 * @param problems every problem, each naming its key; empty when the configuration is valid
 * @param technologies the technologies it configures, enabled or not; empty when invalid
 */
public record ConfigReport(String source, List<Problem> problems, List<Registration> technologies) {

    public ConfigReport {
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems);
        technologies = List.copyOf(technologies);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
