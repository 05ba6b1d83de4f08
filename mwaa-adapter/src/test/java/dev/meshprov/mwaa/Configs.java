package dev.meshprov.mwaa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.mwaa.MwaaTechnology;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Configuration sections and technologies created through the provider, for tests. */
final class Configs {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T06:00:00Z"), ZoneOffset.UTC);

    private Configs() {}

    /** The {@code mwaa} section written as YAML; {@code null} for no section at all. */
    static ConfigSection section(String yaml) {
        if (yaml == null) {
            return new ConfigSection("mwaa", MissingNode.getInstance());
        }
        try {
            return new ConfigSection("mwaa", new YAMLMapper().readTree(yaml));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(yaml, e);
        }
    }

    static TechnologyContext context(Path workingDirectory, UpstreamObserver observer) {
        return new TechnologyContext(CLOCK, new Redactor(), workingDirectory, observer);
    }

    static Validation<Seq<Problem>, Technology<?>> create(String yaml, Path workingDirectory) {
        return LocalS3.provider().create(section(yaml), context(workingDirectory, UpstreamObserver.none()));
    }

    /** The technology, failing the test when the configuration is invalid. */
    static MwaaTechnology technology(String yaml, TechnologyContext context) {
        Validation<Seq<Problem>, Technology<?>> created = LocalS3.provider().create(section(yaml), context);
        if (created.isInvalid()) {
            throw new AssertionError("configuration refused: " + created.getError());
        }
        return (MwaaTechnology) created.get();
    }
}
