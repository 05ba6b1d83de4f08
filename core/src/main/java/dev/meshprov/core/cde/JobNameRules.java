package dev.meshprov.core.cde;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentId;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.Optional;

/**
 * The checks of {@code specific.jobName}: under the {@link JobNamePolicy#DERIVED derived} policy it must equal the
 * name derived from the component id and the environment (and both must be there to derive it); under every policy
 * it must be a name CDE accepts ({@link JobNames#violation}).
 */
final class JobNameRules {

    private JobNameRules() {}

    /** The job name; empty, with problems, when it is missing or breaks a rule. */
    static Optional<String> read(
            ComponentRequest request, FieldReader specific, JobNamePolicy policy, ProblemList problems) {
        Optional<String> expected =
                policy == JobNamePolicy.DERIVED ? expectedJobName(request, problems) : Optional.empty();
        String fix = expected.map(name -> "Set specific.jobName to '" + name + "'.")
                .orElse("Set specific.jobName to the name of the CDE job.");
        String jobName = problems.take(specific.requiredText("jobName", fix), null);
        if (jobName == null) {
            return Optional.empty();
        }
        if (expected.isPresent() && !expected.get().equals(jobName)) {
            problems.add(specific.problem(
                    "jobName",
                    "is '" + jobName + "', but must be '" + expected.get() + "': the component id without "
                            + ComponentId.PREFIX + ", then -<environment>, with every character other than a letter"
                            + " or digit replaced by '-'",
                    fix));
            return Optional.empty();
        }
        Optional<String> violation = JobNames.violation(jobName);
        if (violation.isPresent()) {
            problems.add(specific.problem(
                    "jobName",
                    violation.get(),
                    "Choose a shorter job name made of letters," + " digits, '.', '_' and '-'."));
            return Optional.empty();
        }
        return Optional.of(jobName);
    }

    private static Optional<String> expectedJobName(ComponentRequest request, ProblemList problems) {
        Component component = request.component();
        Optional<ComponentId> id = component.componentId();
        Optional<String> environment = request.dataProduct().environment();
        if (id.isEmpty()) {
            problems.add(Problem.of(
                    component.fieldPath("id"),
                    "is '" + component.id() + "', which is not of the form " + ComponentId.expectedForm()
                            + ", so the job name cannot be derived from it",
                    "Give the component an id of the form " + ComponentId.expectedForm() + "."));
        }
        if (environment.isEmpty()) {
            problems.add(Problem.of(
                    "dataProduct.environment",
                    "is required to derive the CDE job name but missing",
                    "Set dataProduct.environment, e.g. development."));
        }
        if (id.isEmpty() || environment.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JobNames.derive(id.get(), environment.get()));
    }
}
