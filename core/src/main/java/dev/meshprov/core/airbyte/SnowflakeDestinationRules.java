package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.DataProduct;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The typed checks of the Snowflake destination configuration and the server-side injections: host, role,
 * warehouse, username and credentials from the server configuration; {@code database} upper-cased, defaulting to
 * the data product's domain; {@code schema} defaulting to {@code UPPER(name without spaces)_<major>}.
 */
final class SnowflakeDestinationRules {

    static final String TYPE = "snowflake";
    private static final String DATABASE = "database";
    private static final String SCHEMA = "schema";

    private final SnowflakeSettings snowflake;

    SnowflakeDestinationRules(SnowflakeSettings snowflake) {
        this.snowflake = snowflake;
    }

    /** The configuration to send, with the injections; problems for every invalid field. */
    ObjectNode apply(FieldReader configuration, DataProduct dataProduct, ProblemList problems) {
        rejectServerKeys(configuration, problems);
        if (!snowflake.hasCredentials()) {
            problems.add(Problem.of(
                    configuration.path(),
                    "is a Snowflake destination, but meshprov's configuration has no Snowflake credentials (airbyte.snowflake)",
                    "Ask the platform team to set airbyte.snowflake.password or airbyte.snowflake.privateKey"
                            + " (with host, role, warehouse and username) in the meshprov configuration."));
        }
        Optional<String> database = database(configuration, dataProduct, problems);
        Optional<String> schema = schema(configuration, dataProduct, problems);
        ObjectNode result = ((ObjectNode) configuration.node()).deepCopy();
        database.ifPresent(value -> result.put(DATABASE, value));
        schema.ifPresent(value -> result.put(SCHEMA, value));
        snowflake.injectInto(result);
        return result;
    }

    /** The keys {@link #apply} sets from the server configuration, each with the configuration key it comes from. */
    Map<String, String> injectedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        snowflake.injectedPlainKeys().forEach(key -> keys.put(key, "airbyte.snowflake." + key));
        if (snowflake.hasCredentials()) {
            keys.put(
                    SnowflakeSettings.CREDENTIALS,
                    snowflake.usesKeyPair() ? "airbyte.snowflake.privateKey" : "airbyte.snowflake.password");
        }
        snowflake
                .loadingMethod()
                .ifPresent(method -> keys.put(SnowflakeSettings.LOADING_METHOD, "airbyte.snowflake.loadingMethod"));
        return keys;
    }

    private void rejectServerKeys(FieldReader configuration, ProblemList problems) {
        for (String key : Jsons.fieldNames(configuration.node())) {
            if (key.equals(SnowflakeSettings.CREDENTIALS) || Redactor.isSecretKey(key)) {
                problems.add(configuration.problem(
                        key,
                        "must not be in the descriptor: Snowflake credentials come from the server configuration",
                        "Remove " + key + "; the platform team configures the credentials in airbyte.snowflake."));
            } else if (snowflake.injectedPlainKeys().contains(key)) {
                problems.add(configuration.problem(
                        key,
                        "is set by the server configuration (airbyte.snowflake." + key + ") and cannot be changed"
                                + " by a descriptor",
                        "Remove " + key + " from the descriptor."));
            }
        }
    }

    private static Optional<String> database(FieldReader configuration, DataProduct dataProduct, ProblemList problems) {
        String fix = "Set database to the Snowflake database to load into, e.g. FINANCE.";
        Optional<String> given = problems.take(configuration.optionalText(DATABASE, fix), Optional.empty());
        if (given.isPresent()) {
            return checkedGiven(configuration, DATABASE, given.get(), fix, problems)
                    .map(value -> value.toUpperCase(Locale.ROOT));
        }
        Optional<String> domain = dataProduct.domain();
        if (domain.isEmpty()) {
            problems.add(neededForDefault(configuration, DATABASE, "domain"));
            return Optional.empty();
        }
        String derived = domain.get().toUpperCase(Locale.ROOT);
        return checkedDefault(configuration, DATABASE, derived, "dataProduct.domain upper-cased", problems);
    }

    private static Optional<String> schema(FieldReader configuration, DataProduct dataProduct, ProblemList problems) {
        String fix = "Set schema to the Snowflake schema to load into, e.g. VACCINATIONS_1.";
        Optional<String> given = problems.take(configuration.optionalText(SCHEMA, fix), Optional.empty());
        if (given.isPresent()) {
            return checkedGiven(configuration, SCHEMA, given.get(), fix, problems);
        }
        Optional<String> name = dataProduct.name();
        Optional<String> major = dataProduct.majorVersion();
        if (name.isEmpty()) {
            problems.add(neededForDefault(configuration, SCHEMA, "name"));
        }
        if (major.isEmpty()) {
            problems.add(Problem.of(
                    "dataProduct.version",
                    dataProduct.version().isPresent()
                            ? "is '" + dataProduct.version().get() + "', which does not start with a major version"
                                    + " number, needed to derive the Snowflake schema"
                            : "is required to derive the Snowflake schema, as " + configuration.path(SCHEMA)
                                    + " is not set",
                    "Set dataProduct.version like 1.2.0, or set " + configuration.path(SCHEMA) + "."));
        }
        if (name.isEmpty() || major.isEmpty()) {
            return Optional.empty();
        }
        String derived = name.get().replaceAll("\\s+", "").toUpperCase(Locale.ROOT) + "_" + major.get();
        return checkedDefault(
                configuration,
                SCHEMA,
                derived,
                "dataProduct.name without spaces, upper-cased, and the major version",
                problems);
    }

    /** A data product field that the default of {@code field} (database or schema) is derived from is missing. */
    private static Problem neededForDefault(FieldReader configuration, String field, String dataProductField) {
        return Problem.of(
                "dataProduct." + dataProductField,
                "is required to derive the Snowflake " + field + ", as " + configuration.path(field) + " is not set",
                "Set dataProduct." + dataProductField + ", or set " + configuration.path(field) + ".");
    }

    /** The identifier the descriptor gives for {@code field}, if it is a valid one. */
    private static Optional<String> checkedGiven(
            FieldReader configuration, String field, String value, String fix, ProblemList problems) {
        return checked(configuration, field, value, "is '" + value + "', which is not valid: ", fix, problems);
    }

    /** The identifier derived ({@code how}) for {@code field}, which the descriptor leaves out, if it is valid. */
    private static Optional<String> checkedDefault(
            FieldReader configuration, String field, String value, String how, ProblemList problems) {
        return checked(
                configuration,
                field,
                value,
                "is not set, and its default '" + value + "' (" + how + ") is not valid: ",
                "Set " + configuration.path(field) + " explicitly.",
                problems);
    }

    private static Optional<String> checked(
            FieldReader configuration, String field, String value, String message, String fix, ProblemList problems) {
        if (Identifiers.isSnowflakeIdentifier(value)) {
            return Optional.of(value);
        }
        problems.add(configuration.problem(field, message + Identifiers.snowflakeRule(), fix));
        return Optional.empty();
    }
}
