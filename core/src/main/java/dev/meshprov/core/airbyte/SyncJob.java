package dev.meshprov.core.airbyte;

import java.util.Objects;

/**
 * A sync job Airbyte started.
 *
 * @param id the job id
 * @param status its status when started, e.g. {@code pending} or {@code running}
 */
public record SyncJob(String id, String status) {
    public SyncJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
