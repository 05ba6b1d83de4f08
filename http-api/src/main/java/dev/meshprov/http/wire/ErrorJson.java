package dev.meshprov.http.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpstreamOutage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's error bodies. {@code RequestValidationError} for input that is wrong and {@code SystemError} for
 * failures that are not, both in the rich shape: {@code errors} (each problem with its fix), a short
 * {@code userMessage}, {@code input} (what raised it, e.g. the component id — never the whole descriptor),
 * {@code inputErrorField} (the dot path of the first problem) and {@code moreInfo.problems}/{@code solutions}. A
 * check that could not be made because an upstream failed is a {@code SystemError} that blames no field.
 */
public final class ErrorJson {

    private static final Pattern COMPONENT_FIELD = Pattern.compile("^dataProduct\\.components\\[([^\\]]+)]");
    private static final String RETRY =
            "Fix the cause reported for the system named above, or wait until it is available, then send the same"
                    + " request again: the operation is idempotent.";

    private ErrorJson() {}

    /**
     * A {@code RequestValidationError} for {@code problems} (at least one); {@code headline} says what could not be
     * done, e.g. "The component cannot be provisioned". Without an explicit {@code input}, the component named by
     * the problems' fields is used.
     */
    public static ObjectNode requestValidationError(String headline, Optional<String> input, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a request validation error needs at least one problem");
        }
        ObjectNode node = WireJson.object();
        ArrayNode errors = node.putArray("errors");
        problems.stream().map(Problem::describeWithFix).forEach(errors::add);
        node.put("userMessage", summary(headline, problems));
        describe(node, input.or(() -> componentOf(problems)), problems);
        return node;
    }

    /**
     * A {@code SystemError}: {@code error} is the full reason (e.g. which upstream call failed and how);
     * {@code problems} may be empty, in which case the reason itself is the one problem and the fix is to retry.
     */
    public static ObjectNode systemError(
            String headline, String error, Optional<String> input, List<Problem> problems) {
        ObjectNode node = WireJson.object();
        node.put("error", error);
        node.put("userMessage", sentence(headline + ": " + error));
        if (problems.isEmpty()) {
            input.ifPresent(value -> node.put("input", value));
            ObjectNode moreInfo = node.putObject("moreInfo");
            moreInfo.putArray("problems").add(error);
            moreInfo.putArray("solutions").add(RETRY);
        } else {
            describe(node, input.or(() -> componentOf(problems)), problems);
        }
        return node;
    }

    /**
     * A {@code SystemError} for checks that could not be made because an upstream system failed (at least one
     * outage): {@code error} names each call, its target and the kind of failure; no field of the input is blamed
     * ({@code inputErrorField} is left out), and each outage has its fix.
     */
    public static ObjectNode couldNotCheck(String headline, Optional<String> input, List<UpstreamOutage> outages) {
        if (outages.isEmpty()) {
            throw new IllegalArgumentException("could not check needs at least one outage");
        }
        ObjectNode node = WireJson.object();
        node.put("error", UpstreamOutage.describeAll(outages));
        int more = outages.size() - 1;
        node.put(
                "userMessage",
                sentence(headline + ": could not check the component, because "
                        + outages.get(0).describe()
                        + (more == 0 ? "" : " (and " + more + " more)")
                        + "; the descriptor showed no problem so far, send it again once the upstream answers"));
        input.or(() -> componentOfFields(
                        outages.stream().map(UpstreamOutage::field).toList()))
                .ifPresent(value -> node.put("input", value));
        ObjectNode moreInfo = node.putObject("moreInfo");
        ArrayNode problems = moreInfo.putArray("problems");
        ArrayNode solutions = moreInfo.putArray("solutions");
        for (UpstreamOutage outage : outages) {
            problems.add(describe(outage));
            solutions.add(outage.fix());
        }
        return node;
    }

    /** One outage for a person: the check it prevented, the call, its target and the kind of failure. */
    public static String describe(UpstreamOutage outage) {
        return "could not check " + (outage.field().isEmpty() ? "" : outage.field() + ", because ") + outage.describe();
    }

    /** A {@code SystemError} for a bug: no detail beyond the id under which the server log has it. */
    public static ObjectNode internalError(String errorId) {
        String error = "Internal error in meshprov (error id " + errorId + ")";
        ObjectNode node = WireJson.object();
        node.put("error", error);
        node.put(
                "userMessage", "meshprov failed unexpectedly; its log has the details under error id " + errorId + ".");
        ObjectNode moreInfo = node.putObject("moreInfo");
        moreInfo.putArray("problems").add(error);
        moreInfo.putArray("solutions")
                .add("Report error id " + errorId + " to the operators of meshprov; sending the request again may"
                        + " not help.");
        return node;
    }

    /** A short sentence for a person: the headline, the first problem, and how many more there are. */
    public static String summary(String headline, List<Problem> problems) {
        int more = problems.size() - 1;
        String first = headline + ": " + problems.get(0).describe();
        return sentence(more == 0 ? first : first + " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")");
    }

    /** The id of the component that the problems' fields point into, if any. */
    public static Optional<String> componentOf(List<Problem> problems) {
        return componentOfFields(problems.stream().map(Problem::field).toList());
    }

    private static Optional<String> componentOfFields(List<String> fields) {
        for (String field : fields) {
            Matcher matcher = COMPONENT_FIELD.matcher(field);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static void describe(ObjectNode node, Optional<String> input, List<Problem> problems) {
        input.ifPresent(value -> node.put("input", value));
        String field = problems.get(0).field();
        if (!field.isEmpty()) {
            node.put("inputErrorField", field);
        }
        ObjectNode moreInfo = node.putObject("moreInfo");
        ArrayNode described = moreInfo.putArray("problems");
        ArrayNode solutions = moreInfo.putArray("solutions");
        for (Problem problem : problems) {
            described.add(problem.describe());
            solutions.add(problem.solution());
        }
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
