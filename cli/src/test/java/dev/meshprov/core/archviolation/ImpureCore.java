package dev.meshprov.core.archviolation;

import java.time.Instant;

/** Deliberately breaks the core rules, so ArchitectureRulesFailTest can see each rule fail. */
public class ImpureCore {
    public Object javalin() {
        return io.javalin.Javalin.class;
    }

    public Object feign() {
        return feign.Feign.builder();
    }

    public Object s3() {
        return software.amazon.awssdk.services.s3.S3Client.class;
    }

    public Instant now() {
        return Instant.now();
    }
}
