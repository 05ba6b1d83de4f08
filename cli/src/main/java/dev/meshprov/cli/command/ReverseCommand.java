package dev.meshprov.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.input.ReverseInput;
import dev.meshprov.cli.output.Action;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Target;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reverse}: imports an existing upstream entity and prints the catalog-info.yaml updates. */
@Command(
        name = "reverse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Imports an existing upstream entity (an Airbyte connection, a CDE job, a deployed DAG) and prints the"
                    + " catalog-info.yaml section to write.",
            "The params are the technology's, e.g. for Airflow/MWAA: prefix (domain.dataProduct.majorVersion) and"
                    + " dagName (see docs/cli.md)."
        })
final class ReverseCommand extends SessionCommand {

    @Option(
            names = "--use-case-template-id",
            required = true,
            paramLabel = "ID",
            description = "The component's use case template, which selects the technology, e.g."
                    + " urn:dmb:utm:aws-airflow-workload-template:0.0.0.")
    private String useCaseTemplateId;

    @Option(
            names = "--environment",
            required = true,
            paramLabel = "ENV",
            description = "The target environment, e.g. development.")
    private String environment;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "KEY=VALUE",
            description = "One input of the technology (repeatable); overrides the same key of --params-file.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--params-file",
            paramLabel = "FILE",
            description = "The technology's inputs as a JSON or YAML map; - reads stdin.")
    private String paramsFile;

    @Option(
            names = "--catalog-info",
            paramLabel = "FILE",
            description = "The component's current catalog-info.yaml, whose spec.mesh.specific values fill in what"
                    + " the params leave out.")
    private String catalogInfoFile;

    ReverseCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Optional<byte[]> paramsContent = Optional.ofNullable(paramsFile).map(file -> read(file, "--params-file"));
        Optional<byte[]> catalogContent =
                Optional.ofNullable(catalogInfoFile).map(file -> read(file, "--catalog-info"));
        ProblemList problems = new ProblemList();
        JsonNode paramsNode = problems.take(ReverseInput.params(paramsContent, params), null);
        JsonNode catalogInfo = problems.take(ReverseInput.catalogInfo(catalogContent), null);
        Validation<Seq<Problem>, ReverseProvisioningRequest> request = problems.toValidation(
                () -> new ReverseProvisioningRequest(useCaseTemplateId, environment, paramsNode, catalogInfo));
        return session().run((application, renderer) -> {
            if (request.isInvalid()) {
                renderer.rejected(Action.REVERSE, request.getError().asJava());
                return ExitCode.FAILED;
            }
            return Outcomes.report(
                    renderer,
                    Action.REVERSE,
                    application.provisioner().reverse(Target.auto(), request.get(), CallOptions.sync()),
                    renderer::reverse,
                    status -> status.state() == OperationState.COMPLETED);
        });
    }
}
