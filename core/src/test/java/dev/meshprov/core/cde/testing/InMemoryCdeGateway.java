package dev.meshprov.core.cde.testing;

import dev.meshprov.core.cde.CdeGateway;
import dev.meshprov.core.cde.CdeJob;
import dev.meshprov.core.cde.CdeResource;
import dev.meshprov.core.cde.Done;
import dev.meshprov.core.cde.ResourceDefinition;
import dev.meshprov.core.cde.ResourceFile;
import dev.meshprov.core.cde.VcEndpoint;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The jobs API of one virtual cluster in memory: resources with their files, and jobs. Records every write as
 * {@code METHOD path} (see {@link #writes()}) and can be told to fail the next call of an operation. Where the real
 * API is only assumed, it answers either way: how files are listed ({@link #listing}) and which Spark configuration
 * keys CDE adds to a job itself ({@link #addsConf}).
 */
public final class InMemoryCdeGateway implements CdeGateway {

    /** How a resource's files are listed. */
    public enum Listing {
        /** Size and MD5 hex signature (the assumption meshprov was built on). */
        MD5,
        /** Size, no signature. */
        NO_SIGNATURE,
        /** Size and a signature of another algorithm (SHA-256 hex). */
        OTHER_SIGNATURE,
        /** No files at all: the answer says nothing about them. */
        NOT_LISTED
    }

    private volatile Listing listing = Listing.MD5;
    private final Map<String, String> addedConf = new LinkedHashMap<>();

    private final Map<String, ResourceDefinition> resources = new LinkedHashMap<>();
    private final Map<String, Map<String, byte[]>> files = new HashMap<>();
    private final Map<String, CdeJob> jobs = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final Map<String, UpstreamFailure> failNext = new HashMap<>();
    private int runs;

    /** Every write so far, e.g. {@code POST /jobs}, {@code PUT /resources/r/app.jar}. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    public synchronized void clearWrites() {
        writes.clear();
    }

    /** Fails the next call of {@code operation} (a method name of {@link CdeGateway}) with {@code failure}. */
    public synchronized void failNext(String operation, UpstreamFailure failure) {
        failNext.put(operation, failure);
    }

    /** The content of a file, for assertions. */
    public synchronized Optional<byte[]> fileContent(String resource, String name) {
        return Optional.ofNullable(files.getOrDefault(resource, Map.of()).get(name));
    }

    public synchronized Optional<CdeJob> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** Replaces a stored job as if someone edited it in the CDE UI. */
    public synchronized void putJob(CdeJob job) {
        jobs.put(job.name(), job);
    }

    public synchronized boolean hasResource(String name) {
        return resources.containsKey(name);
    }

    /** Lists files this way from now on. */
    public void listing(Listing listing) {
        this.listing = listing;
    }

    /** Adds these Spark configuration keys to every job created or updated, as CDE may do itself. */
    public synchronized void addsConf(Map<String, String> conf) {
        addedConf.putAll(conf);
    }

    private CdeJob withAddedConf(CdeJob job) {
        if (addedConf.isEmpty()) {
            return job;
        }
        Map<String, String> conf = new LinkedHashMap<>(job.spark().conf());
        conf.putAll(addedConf);
        return job.withConf(conf);
    }

    /** The failure injected for the next {@code operation}, consumed; otherwise what {@code call} answers. */
    private <T> Either<UpstreamFailure, T> unlessInjected(String operation, Supplier<Either<UpstreamFailure, T>> call) {
        UpstreamFailure injected = failNext.remove(operation);
        return injected != null ? Either.left(injected) : call.get();
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<CdeResource>> getResource(VcEndpoint vc, String name) {
        return unlessInjected("getResource", () -> {
            ResourceDefinition definition = resources.get(name);
            if (definition == null) {
                return Either.right(Optional.empty());
            }
            List<ResourceFile> listed = new ArrayList<>();
            Listing mode = listing;
            files.getOrDefault(name, Map.of())
                    .forEach((path, content) ->
                            listed.add(new ResourceFile(path, content.length, signature(mode, content))));
            return Either.right(Optional.of(new CdeResource(
                    name,
                    definition.type().wireName(),
                    definition.pythonEnv(),
                    mode == Listing.NOT_LISTED ? List.of() : listed,
                    mode != Listing.NOT_LISTED)));
        });
    }

    private static Optional<String> signature(Listing mode, byte[] content) {
        return switch (mode) {
            case MD5 -> Optional.of(Md5.hex(content));
            case OTHER_SIGNATURE -> Optional.of(Md5.sha256Hex(content));
            default -> Optional.empty();
        };
    }

    @Override
    public synchronized Either<UpstreamFailure, Done> createResource(VcEndpoint vc, ResourceDefinition definition) {
        return unlessInjected("createResource", () -> {
            if (resources.containsKey(definition.name())) {
                return Either.left(new UpstreamFailure.Conflict(
                        "CDE", "POST /resources", "resource " + definition.name() + " already exists"));
            }
            writes.add("POST /resources " + definition.name());
            resources.put(definition.name(), definition);
            files.put(definition.name(), new LinkedHashMap<>());
            return Either.right(Done.DONE);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Done> uploadFile(
            VcEndpoint vc, String resource, String fileName, InputStream content, long length) {
        return unlessInjected("uploadFile", () -> {
            if (!resources.containsKey(resource)) {
                return Either.left(new UpstreamFailure.NotFound(
                        "CDE", "PUT /resources/{name}/{file}", "resource " + resource + " not found"));
            }
            try {
                byte[] bytes = content.readNBytes((int) length);
                writes.add("PUT /resources/" + resource + "/" + fileName);
                files.get(resource).put(fileName, bytes);
                return Either.right(Done.DONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Boolean> deleteFile(VcEndpoint vc, String resource, String fileName) {
        return unlessInjected("deleteFile", () -> {
            Map<String, byte[]> held = files.get(resource);
            if (held == null || held.remove(fileName) == null) {
                return Either.right(false);
            }
            writes.add("DELETE /resources/" + resource + "/" + fileName);
            return Either.right(true);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Boolean> deleteResource(VcEndpoint vc, String name) {
        return unlessInjected("deleteResource", () -> {
            if (resources.remove(name) == null) {
                return Either.right(false);
            }
            files.remove(name);
            writes.add("DELETE /resources/" + name);
            return Either.right(true);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<CdeJob>> getJob(VcEndpoint vc, String name) {
        return unlessInjected("getJob", () -> Either.right(Optional.ofNullable(jobs.get(name))));
    }

    @Override
    public synchronized Either<UpstreamFailure, Done> createJob(VcEndpoint vc, CdeJob job) {
        return unlessInjected("createJob", () -> {
            if (jobs.containsKey(job.name())) {
                return Either.left(new UpstreamFailure.Conflict("CDE", "POST /jobs", "job " + job.name() + " exists"));
            }
            writes.add("POST /jobs " + job.name());
            jobs.put(job.name(), withAddedConf(job));
            return Either.right(Done.DONE);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Done> updateJob(VcEndpoint vc, CdeJob job) {
        return unlessInjected("updateJob", () -> {
            if (!jobs.containsKey(job.name())) {
                return Either.left(new UpstreamFailure.NotFound("CDE", "PATCH /jobs/{name}", "job " + job.name()));
            }
            writes.add("PATCH /jobs/" + job.name());
            jobs.put(job.name(), withAddedConf(job));
            return Either.right(Done.DONE);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Boolean> deleteJob(VcEndpoint vc, String name) {
        return unlessInjected("deleteJob", () -> {
            if (jobs.remove(name) == null) {
                return Either.right(false);
            }
            writes.add("DELETE /jobs/" + name);
            return Either.right(true);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, String> runJob(VcEndpoint vc, String name) {
        return unlessInjected("runJob", () -> {
            if (!jobs.containsKey(name)) {
                return Either.left(new UpstreamFailure.NotFound("CDE", "POST /jobs/{name}/run", "job " + name));
            }
            writes.add("POST /jobs/" + name + "/run");
            return Either.right(String.valueOf(++runs));
        });
    }
}
