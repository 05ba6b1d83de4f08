package dev.meshprov.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a technology reports after a successful operation.
 *
 * @param message a one-line summary, e.g. {@code DAG deployed to s3://bucket/dags/x.py}
 * @param info public and private information, if the operation produces any
 */
public record ProvisionResult(String message, Optional<Info> info) {
    public ProvisionResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(info, "info");
    }

    public static ProvisionResult of(String message, Info info) {
        return new ProvisionResult(message, Optional.of(info));
    }

    public static ProvisionResult withoutInfo(String message) {
        return new ProvisionResult(message, Optional.empty());
    }
}
