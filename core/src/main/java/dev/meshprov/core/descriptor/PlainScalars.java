package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scalar rules of {@link PlainYamlReader}, as SnakeYAML's scanner applies them on one line: where a plain scalar
 * may start and where it ends (block or flow context), what a double-quoted escape means, and the type {@link
 * JsonCompatibleResolver} gives a plain scalar (decided by hand instead of by its patterns, and held to them by a
 * differential test). Anything these rules do not plainly cover throws the reader's decline.
 */
final class PlainScalars {

    /** Characters that cannot start a plain scalar (some may when a non-blank follows, see {@link #startsPlain}). */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private static final String FLOW_INDICATORS = ",[]{}";

    /** Values longer than this are strings whatever they look like (SnakeYAML's resolver limit). */
    private static final int RESOLVED_LENGTH = 1024;

    private final String text;
    private int contentEnd;

    PlainScalars(String text) {
        this.text = text;
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isBlankOrEnd(char c) {
        return c == ' ' || c == '\n' || c == '\0';
    }

    /**
     * Whether a plain scalar starts at {@code i}: not a blank nor an indicator, or a {@code -} followed by a
     * non-blank ({@code ?} and {@code :} followed by a non-blank, which SnakeYAML reads as plain in block context,
     * are left to it).
     */
    boolean startsPlain(int i, boolean flow) {
        char c = at(i);
        if (isBlankOrEnd(c)) {
            return false;
        }
        return INDICATORS.indexOf(c) < 0 || c == '-' && !isBlankOrEnd(at(i + 1));
    }

    /**
     * Scans the plain scalar starting at {@code start} on its line, as SnakeYAML's {@code scanPlain} does: it ends
     * at the end of the line, at a {@code #} after a space, at a {@code :} followed by a blank (or, in flow context,
     * by a flow indicator), and in flow context at {@code ,?[]{}}; spaces inside it are kept, trailing ones not.
     * Returns the position of what ended it (after trailing spaces); its text ends at {@link #contentEnd()}.
     */
    int plainEnd(int start, boolean flow) {
        int end = start;
        int p = start;
        while (at(p) != '#') {
            int q = p;
            while (!endsChunk(q, flow)) {
                q++;
            }
            if (q == p) {
                break;
            }
            end = q;
            p = q;
            while (at(p) == ' ') {
                p++;
            }
            if (p == end || at(p) == '\n' || at(p) == '\0') {
                break;
            }
        }
        contentEnd = end;
        return p;
    }

    private boolean endsChunk(int i, boolean flow) {
        char c = at(i);
        if (isBlankOrEnd(c)) {
            return true;
        }
        if (c == ':') {
            char next = at(i + 1);
            return isBlankOrEnd(next) || flow && FLOW_INDICATORS.indexOf(next) >= 0;
        }
        return flow && (c == '?' || FLOW_INDICATORS.indexOf(c) >= 0);
    }

    /** Where the text of the plain scalar last scanned by {@link #plainEnd} ends. */
    int contentEnd() {
        return contentEnd;
    }

    /**
     * Appends what the escape at {@code backslash} (inside a double-quoted scalar) stands for, as SnakeYAML reads
     * it; returns the position after it.
     */
    int escape(int backslash, StringBuilder out) {
        char e = at(backslash + 1);
        String replacement = replacement(e);
        if (replacement != null) {
            out.append(replacement);
            return backslash + 2;
        }
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (digits == 0) {
            throw PlainYamlReader.declined();
        }
        long code = 0;
        for (int k = 0; k < digits; k++) {
            int digit = hexDigit(at(backslash + 2 + k));
            if (digit < 0) {
                throw PlainYamlReader.declined();
            }
            code = code * 16 + digit;
        }
        if (code > Character.MAX_CODE_POINT) {
            throw PlainYamlReader.declined();
        }
        out.appendCodePoint((int) code);
        return backslash + 2 + digits;
    }

    private static String replacement(char escaped) {
        return switch (escaped) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000B";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001B";
            case ' ' -> " ";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00A0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> null;
        };
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    // ------------------------------------------------------------------ types

    /** The JSON value of a plain scalar, typed as {@link JsonCompatibleResolver} and {@link ScalarValues} do. */
    JsonNode typed(String value) {
        if (value.isEmpty()) {
            return TreeNodes.FACTORY.nullNode();
        }
        if (value.length() > RESOLVED_LENGTH) {
            return TreeNodes.FACTORY.textNode(value);
        }
        char first = value.charAt(0);
        switch (first) {
            case 't', 'T', 'f', 'F':
                return isBoolean(value) ? ScalarValues.bool(value) : TreeNodes.FACTORY.textNode(value);
            case '~', 'n', 'N':
                return isNull(value) ? TreeNodes.FACTORY.nullNode() : TreeNodes.FACTORY.textNode(value);
            case '<':
                if (value.equals("<<")) {
                    throw PlainYamlReader.declined();
                }
                return TreeNodes.FACTORY.textNode(value);
            case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                return number(value);
            default:
                return TreeNodes.FACTORY.textNode(value);
        }
    }

    private static boolean isBoolean(String value) {
        return switch (value) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    private static boolean isNull(String value) {
        return switch (value) {
            case "~", "null", "Null", "NULL" -> true;
            default -> false;
        };
    }

    /**
     * A value starting with a sign, a digit or a dot: a whole number ({@code [-+]?[0-9]+}, not for a leading dot),
     * a decimal ({@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}), or a string; an infinite or NaN
     * number ({@code [-+]?.inf}, {@code .nan} in their three spellings each) is declined.
     */
    private static JsonNode number(String value) {
        int length = value.length();
        int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        int digits = digits(value, i);
        if (value.charAt(0) != '.' && digits > 0 && i + digits == length) {
            return convert(value, true);
        }
        int j = i + digits;
        boolean mantissa = digits > 0;
        if (j < length && value.charAt(j) == '.') {
            int fraction = digits(value, j + 1);
            mantissa = mantissa || fraction > 0;
            j += 1 + fraction;
        }
        if (mantissa && j < length && (value.charAt(j) == 'e' || value.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < length && (value.charAt(k) == '-' || value.charAt(k) == '+')) {
                k++;
            }
            int exponent = digits(value, k);
            j = exponent > 0 ? k + exponent : -1;
        }
        if (mantissa && j == length) {
            return convert(value, false);
        }
        if (isInfinite(value.substring(i)) || i == 0 && isNaN(value)) {
            throw PlainYamlReader.declined();
        }
        return TreeNodes.FACTORY.textNode(value);
    }

    private static boolean isInfinite(String unsigned) {
        return unsigned.equals(".inf") || unsigned.equals(".Inf") || unsigned.equals(".INF");
    }

    private static boolean isNaN(String value) {
        return value.equals(".nan") || value.equals(".NaN") || value.equals(".NAN");
    }

    private static int digits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static JsonNode convert(String value, boolean whole) {
        try {
            return whole ? ScalarValues.integer(value) : ScalarValues.decimal(value);
        } catch (NumberFormatException e) {
            throw PlainYamlReader.declined();
        }
    }
}
