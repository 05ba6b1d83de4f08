package dev.meshprov.core.cde;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that ask the upstream systems: the service and virtual cluster are found and running, and every
 * artifact exists in S3. A check that could not be made because the CDP or S3 API failed is reported as that
 * failure ({@link Problem#upstream}), never as "not found".
 */
final class OnlineChecks {

    private static final String S3_FIX =
            "Check meshprov's S3 access to the artifact (cde.aws: region, endpoint, credentials), then retry.";

    private final Discovery discovery;
    private final ArtifactStore artifacts;

    OnlineChecks(Discovery discovery, ArtifactStore artifacts) {
        this.discovery = discovery;
        this.artifacts = artifacts;
    }

    List<Problem> check(DescriptorReading reading) {
        List<Problem> problems = new ArrayList<>();
        if (reading.service().isPresent() && reading.virtualCluster().isPresent()) {
            problems.addAll(targetProblems(reading));
        }
        Map<String, Boolean> checked = new LinkedHashMap<>();
        for (ArtifactField artifact : reading.artifacts()) {
            if (checked.putIfAbsent(artifact.field(), true) == null) {
                artifactProblem(artifact).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private List<Problem> targetProblems(DescriptorReading reading) {
        Either<UpstreamFailure, Either<Unusable, Discovered>> outcome = discovery.discover(
                reading.service().get(), reading.virtualCluster().get());
        if (outcome.isLeft()) {
            return List.of(Problem.upstream(reading.serviceField(), outcome.getLeft(), Discovery.CDP_FIX));
        }
        if (outcome.get().isRight()) {
            return List.of();
        }
        Unusable unusable = outcome.get().getLeft();
        String field =
                unusable.part() == Unusable.Part.SERVICE ? reading.serviceField() : reading.virtualClusterField();
        return List.of(Problem.of(field, unusable.reason(), unusable.solution()));
    }

    private Optional<Problem> artifactProblem(ArtifactField artifact) {
        Either<UpstreamFailure, Optional<ArtifactObject>> head = artifacts.head(artifact.uri());
        if (head.isLeft()) {
            return Optional.of(Problem.upstream(artifact.field(), head.getLeft(), S3_FIX));
        }
        if (head.get().isEmpty()) {
            return Optional.of(Problem.of(
                    artifact.field(),
                    artifact.role() + " not found: " + artifact.uri() + " does not exist",
                    "Upload the file to " + artifact.uri() + ", or correct the URI."));
        }
        return Optional.empty();
    }
}
