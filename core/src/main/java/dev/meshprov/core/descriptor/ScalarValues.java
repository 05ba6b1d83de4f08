package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The JSON value of a scalar whose YAML type is already resolved (see {@link JsonCompatibleResolver}): whole numbers
 * become int, long or big-integer nodes by size, decimals big-decimal nodes, booleans and null their nodes. One
 * place for both readers ({@link NodeTreeConverter} and {@link PlainYamlReader}), so that they type alike.
 */
final class ScalarValues {

    private ScalarValues() {}

    static JsonNode bool(String value) {
        return TreeNodes.FACTORY.booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
    }

    /** A whole number; {@link NumberFormatException} when {@code value} is none. */
    static JsonNode integer(String value) {
        String text = value.replace("_", "");
        BigInteger number = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (number.bitLength() < 32) {
            return TreeNodes.FACTORY.numberNode(number.intValue());
        }
        if (number.bitLength() < 64) {
            return TreeNodes.FACTORY.numberNode(number.longValue());
        }
        return TreeNodes.FACTORY.numberNode(number);
    }

    /** Whether a decimal is infinite or not a number ({@code .inf}, {@code -.Inf}, {@code .NaN}...). */
    static boolean isInfiniteOrNaN(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        return text.endsWith(".inf") || text.endsWith(".nan");
    }

    /** A finite decimal; {@link NumberFormatException} when {@code value} is none. */
    static JsonNode decimal(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        return TreeNodes.FACTORY.numberNode(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }
}
