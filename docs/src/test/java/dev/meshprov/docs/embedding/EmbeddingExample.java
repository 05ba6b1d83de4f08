package dev.meshprov.docs.embedding;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.service.Submission;
import dev.meshprov.core.service.Target;
import dev.meshprov.mwaa.MwaaTechnologyProvider;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The code of {@code docs/embedding.md}: the guide shows the regions between the {@code tag::} and {@code end::}
 * comments, and {@code EmbeddingGuideTest} checks that it shows them unchanged and runs them.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {}

    /** The MWAA technology on a local Airflow folder, created by its provider as the server would. */
    public static Technology<?> mwaaOnFolder(Path airflowFolder, Path workingDirectory) {
        // tag::technology[]
        // The mwaa section, as it would be written in meshprov.yaml.
        ObjectNode mwaaSection = JsonNodeFactory.instance.objectNode();
        mwaaSection.putObject("filesystem").put("root", airflowFolder.toString());

        TechnologyProvider provider = new MwaaTechnologyProvider();
        TechnologyContext context = TechnologyContext.of(Clock.systemUTC(), workingDirectory);
        Technology<?> mwaa = provider.create(new ConfigSection("mwaa", mwaaSection), context)
                .fold(
                        problems -> {
                            throw new IllegalStateException("mwaa is misconfigured: " + problems.mkString("; "));
                        },
                        technology -> technology);
        // end::technology[]
        return mwaa;
    }

    /** Provisions a component descriptor (YAML) on the MWAA technology and returns the final status. */
    public static ProvisioningStatus provision(Technology<?> mwaa, String descriptorYaml) {
        // tag::provisioner[]
        Provisioner provisioner = Provisioner.builder()
                .registration(Registration.enabled(new MwaaTechnologyProvider().descriptor(), mwaa, ExecutionMode.SYNC))
                .build();
        // end::provisioner[]
        try (provisioner) {
            // tag::provision[]
            ProvisioningRequest request = ProvisioningRequest.ofComponentDescriptor(descriptorYaml, false);
            Submission<ProvisioningStatus> submission =
                    provisioner.provision(Target.auto(), request, CallOptions.sync());
            if (submission instanceof Submission.Done<ProvisioningStatus> done) {
                return done.value(); // COMPLETED or FAILED, with info and logs
            }
            if (submission instanceof Submission.Rejected<ProvisioningStatus> rejected) {
                throw new IllegalArgumentException("invalid descriptor: " + rejected.problems());
            }
            throw new IllegalStateException("not provisioned: " + submission);
            // end::provision[]
        }
    }
}
