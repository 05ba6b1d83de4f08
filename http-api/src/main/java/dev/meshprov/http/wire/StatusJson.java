package dev.meshprov.http.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.model.ValidationStatus;
import java.util.List;

/**
 * The model's outcomes as the contract's JSON: {@code ValidationResult}, {@code ValidationStatus},
 * {@code ProvisioningStatus} (with {@code info} and {@code logs}) and {@code ReverseProvisioningStatus}. Absent
 * optional fields are left out, never written as {@code null}.
 */
public final class StatusJson {

    private StatusJson() {}

    /**
     * {@code {"valid":true}} or {@code {"valid":false,"error":{"errors":[...]}}}, one entry per problem with its fix,
     * then one per check that could not be made. A result that is only "could not check" is not a
     * {@code ValidationResult} but a {@code SystemError} ({@link ErrorJson#couldNotCheck}).
     */
    public static ObjectNode validationResult(ValidationResult result) {
        ObjectNode node = WireJson.object();
        node.put("valid", result.isValid());
        if (!result.isValid()) {
            ArrayNode errors = node.putObject("error").putArray("errors");
            result.problems().stream().map(Problem::describeWithFix).forEach(errors::add);
            result.outages().forEach(outage -> errors.add(ErrorJson.describe(outage) + " (fix: " + outage.fix() + ")"));
        }
        return node;
    }

    /** The status of an asynchronous validation; {@code info.publicInfo} holds the result once completed. */
    public static ObjectNode validationStatus(ValidationStatus status) {
        ObjectNode node = WireJson.object();
        node.put("status", status.state().name());
        status.result().ifPresent(result -> node.putObject("info").set("publicInfo", validationResult(result)));
        return node;
    }

    /** The outcome of provision, unprovision or updateacl. */
    public static ObjectNode provisioningStatus(ProvisioningStatus status) {
        ObjectNode node = WireJson.object();
        node.put("status", status.state().name());
        node.put("result", status.result());
        status.info().ifPresent(info -> node.set("info", info(info)));
        node.set("logs", logs(status.logs()));
        return node;
    }

    /** The outcome of a reverse provisioning: the catalog-info updates and the steps taken. */
    public static ObjectNode reverseStatus(ReverseProvisioningStatus status) {
        ObjectNode node = WireJson.object();
        node.put("status", status.state().name());
        node.set("updates", WireJson.tree(status.updates()));
        node.set("logs", logs(status.logs()));
        return node;
    }

    /** {@code {publicInfo: {key: {type,label,value[,href]}}, privateInfo: {...as given}}}. */
    public static ObjectNode info(Info info) {
        ObjectNode node = WireJson.object();
        ObjectNode publicInfo = node.putObject("publicInfo");
        info.publicInfo().forEach((key, entry) -> publicInfo.set(key, infoEntry(entry)));
        node.set("privateInfo", WireJson.tree(info.privateInfo()));
        return node;
    }

    /** One {@code publicInfo} entry in a display shape of the Witboost UI. */
    public static ObjectNode infoEntry(InfoEntry entry) {
        ObjectNode node = WireJson.object();
        node.put("type", entry.type());
        node.put("label", entry.label());
        node.put("value", entry.value());
        if (entry instanceof InfoEntry.Link link) {
            node.put("href", link.href());
        }
        return node;
    }

    /** {@code {timestamp (ISO-8601), level, message[, phase]}}. */
    public static ObjectNode log(LogEntry entry) {
        ObjectNode node = WireJson.object();
        node.put("timestamp", entry.timestamp().toString());
        node.put("level", entry.level().name());
        node.put("message", entry.message());
        entry.phase().ifPresent(phase -> node.put("phase", phase));
        return node;
    }

    private static ArrayNode logs(List<LogEntry> entries) {
        ArrayNode array = WireJson.object().arrayNode();
        entries.forEach(entry -> array.add(log(entry)));
        return array;
    }
}
