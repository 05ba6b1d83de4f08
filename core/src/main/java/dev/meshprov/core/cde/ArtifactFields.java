package dev.meshprov.core.cde;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The artifacts a descriptor names, collected while it is read: each field must hold a plain S3 URI, and the files
 * that go into the job's files resource must have distinct names. The online checks look for every one of them.
 */
final class ArtifactFields {

    static final String JOB_SOURCE = "Job Source application file";
    static final String DEPENDENCY = "Job dependency file";
    static final String REQUIREMENTS = "Python requirements file";

    private final ProblemList problems;
    private final List<ArtifactField> artifacts = new ArrayList<>();

    ArtifactFields(ProblemList problems) {
        this.problems = problems;
    }

    /** The artifact of the required {@code field} of {@code reader}; empty, with a problem, when missing or not valid. */
    Optional<ArtifactUri> required(FieldReader reader, String field, String role) {
        String fix = "Set " + field + " to the S3 URI of the file, " + ArtifactUri.expectedForm() + ".";
        String text = problems.take(reader.requiredText(field, fix), null);
        if (text == null) {
            return Optional.empty();
        }
        return read(reader.path(field), text, role, fix);
    }

    /** The artifact written {@code text} at {@code path}; empty, with a problem, when it is not a plain S3 URI. */
    Optional<ArtifactUri> read(String path, String text, String role, String fix) {
        Optional<ArtifactUri> uri = ArtifactUri.parse(text);
        if (uri.isEmpty()) {
            problems.add(Problem.of(
                    path, "is '" + text + "', which is not an S3 URI of the form " + ArtifactUri.expectedForm(), fix));
            return Optional.empty();
        }
        Optional<String> dotSegment = uri.get().dotSegment();
        if (dotSegment.isPresent()) {
            problems.add(Problem.of(
                    path,
                    "is '" + text + "', whose key has a '" + dotSegment.get() + "' segment, which S3 stores resolve"
                            + " differently or refuse",
                    "Give the object's plain key, without '.' or '..' segments, e.g."
                            + " s3://finance-artifacts/app/app-1.0.jar."));
            return Optional.empty();
        }
        artifacts.add(new ArtifactField(path, uri.get(), role));
        return uri;
    }

    /**
     * A problem for every artifact whose file name another one already has: both would be stored under that name in
     * the job's files resource. The requirements file goes to the Python environment, so it is not counted.
     */
    void checkDistinctFileNames() {
        Map<String, ArtifactField> byName = new HashMap<>();
        for (ArtifactField artifact : artifacts) {
            if (artifact.role().equals(REQUIREMENTS)) {
                continue;
            }
            ArtifactField previous = byName.putIfAbsent(artifact.uri().fileName(), artifact);
            if (previous != null) {
                problems.add(Problem.of(
                        artifact.field(),
                        "is " + artifact.uri() + ", whose file name "
                                + artifact.uri().fileName()
                                + " is also the file name of " + previous.uri() + " (" + previous.field()
                                + "); both would be stored under that name in the job's files resource",
                        "Give every artifact of the job a distinct file name."));
            }
        }
    }

    /** The artifacts read so far whose URIs are valid, in the order they were read. */
    List<ArtifactField> asList() {
        return List.copyOf(artifacts);
    }
}
