package dev.meshprov.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.service.Registration;
import dev.meshprov.http.wire.WireJson;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Text for people: each problem on its own line with its field path, and its fix on the next; statuses with their
 * result, info entries and logs; plans one change per line; catalog-info updates as YAML.
 */
final class TextRenderer implements Renderer {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private static final String PLAN_LINE = "  %-10s %-12s %s";

    private final Printer printer;

    TextRenderer(Printer printer) {
        this.printer = printer;
    }

    @Override
    public void validation(ValidationResult result) {
        if (result.isValid()) {
            printer.line("valid: the component can be provisioned");
        } else if (result.couldNotCheck()) {
            couldNotCheck(Action.VALIDATE, result.outages());
        } else {
            problems("invalid", result.problems());
            outageLines(result.outages());
        }
    }

    @Override
    public void couldNotCheck(Action action, List<UpstreamOutage> outages) {
        printer.line("could not check: " + action.couldNotCheck() + ", because " + outages.size()
                + (outages.size() == 1 ? " upstream call" : " upstream calls")
                + " failed (the descriptor showed no problem so far); run again once the upstream answers");
        outageLines(outages);
    }

    private void outageLines(List<UpstreamOutage> outages) {
        for (UpstreamOutage outage : outages) {
            printer.line("  " + outage.describe());
            printer.line("    fix: " + outage.fix());
        }
    }

    @Override
    public void rejected(Action action, List<Problem> problems) {
        problems(action.rejected(), problems);
    }

    @Override
    public void failed(Action action, String error, List<Problem> problems) {
        printer.line(action.failed() + ": " + error);
        problemLines(problems, printer::line);
    }

    @Override
    public void status(ProvisioningStatus status) {
        printer.line("status: " + status.state());
        if (!status.result().isBlank()) {
            printer.line("result: " + status.result());
        }
        status.info().ifPresent(this::info);
        logs(status.logs());
    }

    @Override
    public void plan(Plan plan) {
        printer.line("plan: "
                + Stream.of(ChangeKind.values())
                        .map(kind -> PlanJson.count(plan, kind)
                                + (kind == ChangeKind.UNCHANGED ? " " : " to ")
                                + kind.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
        for (PlannedChange change : plan.changes()) {
            printer.line(String.format(
                    PLAN_LINE, change.kind().name().toLowerCase(Locale.ROOT), change.entity(), change.name()));
            if (!change.detail().isBlank()) {
                printer.line(String.format(PLAN_LINE, "", "", change.detail()));
            }
        }
        if (plan.isNoop()) {
            printer.line("nothing to do: provisioning would change nothing");
        }
    }

    @Override
    public void reverse(ReverseProvisioningStatus status) {
        printer.line("status: " + status.state());
        if (!status.updates().isEmpty()) {
            printer.line("catalog-info.yaml updates:");
            indented(yaml(WireJson.tree(status.updates())));
        }
        logs(status.logs());
    }

    @Override
    public void configuration(ConfigReport report) {
        if (!report.isValid()) {
            printer.line("configuration " + report.source() + " is invalid:");
            problemLines(report.problems(), printer::line);
            return;
        }
        printer.line("configuration " + report.source() + " is valid");
        for (Registration technology : report.technologies()) {
            printer.line(
                    technology.isEnabled()
                            ? "  " + technology.name() + ": enabled, " + mode(technology)
                            : "  " + technology.name() + ": disabled (to enable: "
                                    + technology.descriptor().enableHint() + ")");
            technology.technology().ifPresent(enabled -> enabled.configurationWarnings()
                    .forEach(warning -> printer.line("    warning: " + warning)));
        }
    }

    @Override
    public void configurationError(ConfigReport report) {
        printer.error("meshprov: the configuration " + report.source() + " is invalid:");
        problemLines(report.problems(), printer::error);
    }

    private void problems(String headline, List<Problem> problems) {
        printer.line(headline + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        problemLines(problems, printer::line);
    }

    private static void problemLines(List<Problem> problems, Consumer<String> out) {
        for (Problem problem : problems) {
            out.accept("  " + problem.describe());
            out.accept("    fix: " + problem.solution());
        }
    }

    private void info(Info info) {
        if (!info.publicInfo().isEmpty()) {
            printer.line("info:");
            info.publicInfo().forEach((key, entry) -> printer.line("  " + entry.label() + ": " + display(entry)));
        }
        if (!info.privateInfo().isEmpty()) {
            printer.line("private info:");
            indented(yaml(WireJson.tree(info.privateInfo())));
        }
    }

    private static String display(InfoEntry entry) {
        return entry instanceof InfoEntry.Link link && !link.href().equals(link.value())
                ? link.value() + " <" + link.href() + ">"
                : entry.value();
    }

    private void logs(List<LogEntry> logs) {
        if (logs.isEmpty()) {
            return;
        }
        printer.line("logs:");
        for (LogEntry entry : logs) {
            printer.line(String.format(
                    "  %s %-7s %s%s",
                    entry.timestamp(),
                    entry.level(),
                    entry.phase().map(phase -> "[" + phase + "] ").orElse(""),
                    entry.message()));
        }
    }

    private void indented(String block) {
        block.lines().forEach(line -> printer.line("  " + line));
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    private static String mode(Registration technology) {
        return technology.mode().name().toLowerCase(Locale.ROOT);
    }
}
