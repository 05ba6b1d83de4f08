package dev.meshprov.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.Validations;
import dev.meshprov.http.wire.WireJson;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of {@code reverse}: {@code params} from {@code --params-file} (a JSON or YAML map) overridden key by key
 * by {@code --param key=value}, and the component's current {@code catalog-info.yaml} from {@code --catalog-info}.
 */
public final class ReverseInput {

    private static final SafeYaml YAML = SafeYaml.withDefaults();

    private ReverseInput() {}

    /** The params: the file's map (if any), then each {@code --param} as a string. */
    public static Validation<Seq<Problem>, JsonNode> params(Optional<byte[]> file, Map<String, String> params) {
        return map(
                        file,
                        "params",
                        "Write --params-file as a JSON or YAML map of the technology's inputs, e.g."
                                + " {\"dagName\": \"cashflow_daily.py\"}.")
                .map(tree -> {
                    ObjectNode merged = tree.deepCopy();
                    params.forEach(merged::put);
                    return merged;
                });
    }

    /** The component's current catalog-info (an empty map without the file). */
    public static Validation<Seq<Problem>, JsonNode> catalogInfo(Optional<byte[]> file) {
        return map(
                        file,
                        "catalogInfo",
                        "Pass the component's catalog-info.yaml (a YAML map with spec.mesh) to --catalog-info.")
                .map(JsonNode.class::cast);
    }

    private static Validation<Seq<Problem>, ObjectNode> map(Optional<byte[]> file, String field, String fix) {
        if (file.isEmpty()) {
            return Validations.valid(WireJson.object());
        }
        String text = new String(file.get(), StandardCharsets.UTF_8);
        return YAML.parse(text, field).flatMap(tree -> {
            if (tree.isMissingNode() || tree.isNull()) {
                return Validations.valid(WireJson.object());
            }
            if (!tree.isObject()) {
                return Validations.invalid(
                        Problem.of(field, "must be a map, but is " + Descriptors.describeType(tree), fix));
            }
            return Validations.valid((ObjectNode) tree);
        });
    }
}
