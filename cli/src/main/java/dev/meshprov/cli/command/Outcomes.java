package dev.meshprov.cli.command;

import dev.meshprov.cli.output.Action;
import dev.meshprov.cli.output.Renderer;
import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.core.service.Submission;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The facade's answers as output and exit codes, in one place: rejected → the problems, exit 1; could not check →
 * the upstream calls that failed, exit 3; system failure → the reason, exit 1; done → the value, exit 0 when it
 * succeeded and 1 when it reports a failure.
 */
final class Outcomes {

    private Outcomes() {}

    static <R> int report(
            Renderer renderer, Action action, Submission<R> submission, Consumer<R> print, Predicate<R> succeeded) {
        if (submission instanceof Submission.Done<R> done) {
            print.accept(done.value());
            return succeeded.test(done.value()) ? ExitCode.OK : ExitCode.FAILED;
        }
        if (submission instanceof Submission.Rejected<R> rejected) {
            renderer.rejected(action, rejected.problems());
            return ExitCode.FAILED;
        }
        if (submission instanceof Submission.CouldNotCheck<R> notChecked) {
            renderer.couldNotCheck(action, notChecked.outages());
            return ExitCode.COULD_NOT_CHECK;
        }
        if (submission instanceof Submission.SystemFailure<R> failure) {
            renderer.failed(action, failure.message(), failure.problems());
            return ExitCode.FAILED;
        }
        throw new IllegalStateException("the CLI runs every operation synchronously, but got "
                + submission.getClass().getSimpleName());
    }
}
