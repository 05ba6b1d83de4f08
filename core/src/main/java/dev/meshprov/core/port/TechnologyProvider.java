package dev.meshprov.core.port;

import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Creates a {@link Technology} from its configuration section. Adapter modules register one provider each in
 * {@code META-INF/services/dev.meshprov.core.port.TechnologyProvider}; adding a technology needs nothing in the
 * HTTP API or the CLI.
 */
public interface TechnologyProvider {

    /** The technology's name, display name, defaults and enable hint. */
    TechnologyDescriptor descriptor();

    /**
     * Binds and checks {@code config} (the technology's section, without the generic {@code enabled} and
     * {@code mode} keys) and creates the technology, or returns every configuration problem, each naming its key.
     * Must not call upstream systems (start-up stays fast and offline).
     */
    Validation<Seq<Problem>, Technology<?>> create(ConfigSection config, TechnologyContext context);
}
