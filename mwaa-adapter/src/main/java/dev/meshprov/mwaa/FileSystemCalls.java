package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;

/**
 * Runs one call of the folder store: a refusal or an {@link IOException} becomes the {@link UpstreamFailure} it
 * means, and every call is reported to the observer (which must not break it).
 */
final class FileSystemCalls {

    /** One step on the disk. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException, StoreRefusal;
    }

    private final RootedPaths paths;
    private final UpstreamObserver observer;

    FileSystemCalls(RootedPaths paths, UpstreamObserver observer) {
        this.paths = paths;
        this.observer = observer;
    }

    <T> Either<UpstreamFailure, T> run(String operation, ObjectRef ref, Step<T> step) {
        long start = System.nanoTime();
        Either<UpstreamFailure, T> result;
        try {
            result = Either.right(step.run());
        } catch (StoreRefusal refusal) {
            result = Either.left(refusal.failure());
        } catch (IOException e) {
            result = Either.left(translate(operation + " " + paths.location(ref), e));
        }
        report(operation, ref, result, start);
        return result;
    }

    private void report(String operation, ObjectRef ref, Either<UpstreamFailure, ?> result, long start) {
        try {
            observer.completed(new UpstreamCall(
                    FileSystemDagStore.SYSTEM,
                    operation,
                    ref.key(),
                    result.isRight() ? "ok" : result.getLeft().kind(),
                    Duration.ofNanos(System.nanoTime() - start),
                    1));
        } catch (RuntimeException ignored) {
            // an observer must not break the call it observes
        }
    }

    private static UpstreamFailure translate(String operation, IOException e) {
        String system = FileSystemDagStore.SYSTEM;
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof AccessDeniedException) {
            return new UpstreamFailure.Unauthorized(system, operation, "permission denied (" + detail + ")");
        }
        if (e instanceof NoSuchFileException) {
            return new UpstreamFailure.NotFound(system, operation, detail);
        }
        if (e instanceof FileAlreadyExistsException
                || e instanceof DirectoryNotEmptyException
                || e instanceof NotDirectoryException) {
            return new UpstreamFailure.Conflict(system, operation, detail);
        }
        return new UpstreamFailure.Unavailable(system, operation, detail);
    }
}
