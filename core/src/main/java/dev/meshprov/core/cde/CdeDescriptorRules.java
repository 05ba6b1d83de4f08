package dev.meshprov.core.cde;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.Optional;

/**
 * The static rules of a CDE component's {@code specific} section, in the order they are reported: the target
 * (service, virtual cluster, {@link JobNameRules job name}), then, when the operation needs the workload, the
 * {@link SparkApplicationRules application}, its {@link JobConfigRules Spark settings}, {@code runOnProvision} and
 * the {@link ArtifactFields artifacts' file names}. Every problem is collected; the parts that are valid are kept
 * for the online checks.
 */
final class CdeDescriptorRules {

    private final CdeSettings settings;

    CdeDescriptorRules(CdeSettings settings) {
        this.settings = settings;
    }

    /** Applies the rules; the workload is read only when {@code withWorkload} (validate, provision, plan). */
    DescriptorReading read(ComponentRequest request, boolean withWorkload) {
        Component component = request.component();
        FieldReader specific = FieldReader.of(component.specific(), component.fieldPath("specific"));
        ProblemList problems = new ProblemList();

        Optional<String> service = Optional.ofNullable(problems.take(
                specific.requiredText("cdeService", "Set specific.cdeService to the name of the CDE service."), null));
        Optional<String> virtualCluster = Optional.ofNullable(problems.take(
                specific.requiredText(
                        "cdeCluster", "Set specific.cdeCluster to the name of a virtual cluster of the CDE service."),
                null));
        Optional<String> jobName = JobNameRules.read(request, specific, settings.jobNamePolicy(), problems);
        Optional<CdeJobTarget> target = service.isPresent() && virtualCluster.isPresent() && jobName.isPresent()
                ? Optional.of(new CdeJobTarget(service.get(), virtualCluster.get(), jobName.get()))
                : Optional.empty();

        ArtifactFields artifacts = new ArtifactFields(problems);
        Optional<CdeWorkload> workload = withWorkload ? workload(specific, artifacts, problems) : Optional.empty();
        return new DescriptorReading(
                problems.asList(),
                specific.path("cdeService"),
                service,
                specific.path("cdeCluster"),
                virtualCluster,
                problems.isEmpty() ? target : Optional.empty(),
                problems.isEmpty() ? workload : Optional.empty(),
                artifacts.asList());
    }

    private Optional<CdeWorkload> workload(FieldReader specific, ArtifactFields artifacts, ProblemList problems) {
        Optional<SparkApplication> application =
                SparkApplicationRules.read(specific, settings.allowPython2(), artifacts, problems);
        boolean python = SparkApplicationRules.isPython(application, specific);
        Optional<JobConfig> config = JobConfigRules.read(specific, python, settings.defaults(), artifacts, problems);
        Optional<Boolean> run = problems.take(
                specific.optionalBoolean(
                        "runOnProvision", "Set runOnProvision to true to run the job once after provisioning."),
                Optional.empty());
        artifacts.checkDistinctFileNames();
        if (application.isEmpty() || config.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CdeWorkload(application.get(), config.get(), run.orElse(settings.runOnProvision())));
    }
}
