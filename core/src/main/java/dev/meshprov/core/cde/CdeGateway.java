package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.io.InputStream;
import java.util.Optional;

/**
 * The jobs API of a CDE virtual cluster: resources, the files in them, and Spark jobs. Implementations handle
 * authentication (tokens cached per service) and retry only calls that are safe to repeat.
 */
public interface CdeGateway {

    /** The resource named {@code name}; empty when absent. */
    Either<UpstreamFailure, Optional<CdeResource>> getResource(VcEndpoint vc, String name);

    /** Creates a resource; a {@link UpstreamFailure.Conflict} when one with this name exists. */
    Either<UpstreamFailure, Done> createResource(VcEndpoint vc, ResourceDefinition definition);

    /**
     * Stores {@code length} bytes read from {@code content} as {@code fileName} in {@code resource}, replacing a file
     * of that name. The content is streamed, never held in memory whole; the caller closes the stream.
     */
    Either<UpstreamFailure, Done> uploadFile(
            VcEndpoint vc, String resource, String fileName, InputStream content, long length);

    /** Deletes a file of a resource; {@code false} when it was not there. */
    Either<UpstreamFailure, Boolean> deleteFile(VcEndpoint vc, String resource, String fileName);

    /** Deletes a resource and its files; {@code false} when it was not there. */
    Either<UpstreamFailure, Boolean> deleteResource(VcEndpoint vc, String name);

    /** The job named {@code name}; empty when absent. */
    Either<UpstreamFailure, Optional<CdeJob>> getJob(VcEndpoint vc, String name);

    /** Creates a job; a {@link UpstreamFailure.Conflict} when one with this name exists. */
    Either<UpstreamFailure, Done> createJob(VcEndpoint vc, CdeJob job);

    /** Updates an existing job to {@code job} (a schedule-less job gets its schedule disabled). */
    Either<UpstreamFailure, Done> updateJob(VcEndpoint vc, CdeJob job);

    /** Deletes a job; {@code false} when it was not there. */
    Either<UpstreamFailure, Boolean> deleteJob(VcEndpoint vc, String name);

    /** Starts a run of the job now; returns the run id. */
    Either<UpstreamFailure, String> runJob(VcEndpoint vc, String name);
}
