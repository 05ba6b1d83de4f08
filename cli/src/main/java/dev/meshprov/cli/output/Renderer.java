package dev.meshprov.cli.output;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.port.Plan;
import java.util.List;

/** Prints the outcomes of the commands, as text for people or as JSON for scripts. */
public interface Renderer {

    /** The outcome of {@code validate}. */
    void validation(ValidationResult result);

    /** The input is wrong: every problem with its field and fix. */
    void rejected(Action action, List<Problem> problems);

    /**
     * The input showed no problem, but checks it needs could not be made because an upstream system failed: each
     * call, its target, the kind of failure and its fix.
     */
    void couldNotCheck(Action action, List<UpstreamOutage> outages);

    /** The input was fine but the operation could not be done ({@code error} says why). */
    void failed(Action action, String error, List<Problem> problems);

    /** The outcome of {@code provision} or {@code unprovision}, completed or failed. */
    void status(ProvisioningStatus status);

    /** What {@code provision} would do. */
    void plan(Plan plan);

    /** The outcome of {@code reverse}. */
    void reverse(ReverseProvisioningStatus status);

    /** The outcome of {@code config check}. */
    void configuration(ConfigReport report);

    /** A configuration that stops another command: text on stderr, JSON on stdout. */
    void configurationError(ConfigReport report);
}
