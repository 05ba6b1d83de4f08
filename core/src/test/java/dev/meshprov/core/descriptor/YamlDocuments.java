package dev.meshprov.core.descriptor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random YAML documents for the differential tests of {@link PlainYamlReader}: trees of maps, lists and scalars
 * written in the styles descriptors use and in the ones the reader declines (block and flow, lists at their key's
 * indentation, maps on a list entry's line, plain and quoted scalars with escapes, comments, blank lines, uneven
 * indentation), and mutations of any text (characters YAML gives a meaning inserted, lines deleted, indented or
 * repeated), so that SnakeYAML sees both valid and invalid documents.
 */
final class YamlDocuments {

    private static final List<String> KEYS = List.of(
            "id",
            "name",
            "kind",
            "specific",
            "a",
            "b",
            "key with spaces",
            "urn:dmb:cmp:x",
            "-x",
            "true",
            "1",
            "~",
            "a#b",
            "k'q",
            "null",
            "x:y",
            "<<",
            "é",
            "日本",
            "\"quoted\"",
            "'single'",
            "a b",
            "? q",
            "-",
            ": z");

    private static final List<String> SCALARS = List.of(
            "finance",
            "Cash Flow",
            "urn:dmb:dp:finance:cashflow:1",
            "1.3.0",
            "0",
            "-0",
            "+1",
            "42",
            "0755",
            "1e5",
            "1.",
            ".5",
            "-.5",
            "+.5",
            "1.5e-3",
            "12345678901234567890",
            "123456789012",
            "2147483648",
            "-2147483649",
            "true",
            "False",
            "TRUE",
            "yes",
            "no",
            "on",
            "off",
            "NO",
            "null",
            "Null",
            "~",
            "",
            "2024-01-01",
            "2024-01-01T00:00:00Z",
            "0x1F",
            "0o7",
            "1_000",
            ".inf",
            "-.Inf",
            ".nan",
            ".net",
            "a: b",
            "a #b",
            "a#b",
            "#c",
            "- x",
            "-x",
            "[x]",
            "{y}",
            "x, y",
            "it's",
            "say \"hi\"",
            "back\\slash",
            "tab\there",
            "é",
            "日本語",
            "😀",
            "a  b",
            " lead",
            "trail ",
            "*alias",
            "&anchor",
            "!tag",
            "|",
            ">",
            "%p",
            "@at",
            "`b`",
            "<<",
            "?",
            "?q",
            ":",
            ":x",
            "x:",
            "a,b",
            "a]b",
            "-1",
            "--",
            "...",
            "---",
            "0.0",
            "00",
            "+",
            "-",
            ".");

    private static final String SIGNIFICANT = "-:#&*!|>'\"%@`[]{},? \n\t\r\\.<~0aé\u0085\u2028\ufeff";

    private final SplittableRandom random;

    YamlDocuments(SplittableRandom random) {
        this.random = random;
    }

    /** A random document: a map or a list at the root, at most four levels deep. */
    String document() {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(10) == 0) {
            out.append("# a comment\n");
        }
        int indent = random.nextInt(8) == 0 ? 1 : 0;
        if (random.nextBoolean()) {
            map(out, indent, 0);
        } else {
            list(out, indent, 0);
        }
        if (random.nextInt(10) == 0) {
            out.append("\n# the end\n");
        }
        return out.toString();
    }

    /** {@code text} with one to three random edits. */
    String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(6)) {
                case 0 -> out.insert(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
                case 1 -> out.deleteCharAt(at);
                case 2 -> out.setCharAt(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
                case 3 -> out.insert(lineStart(out, at), random.nextBoolean() ? " " : "  ");
                case 4 -> {
                    int start = lineStart(out, at);
                    int end = out.indexOf("\n", start);
                    out.insert(start, out.substring(start, end < 0 ? out.length() : end + 1));
                }
                default -> {
                    int start = lineStart(out, at);
                    int end = out.indexOf("\n", start);
                    out.delete(start, end < 0 ? out.length() : end + 1);
                }
            }
        }
        return out.toString();
    }

    private static int lineStart(CharSequence text, int at) {
        int i = at;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private void map(StringBuilder out, int indent, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            if (i > 0 || random.nextInt(12) == 0) {
                indent(out, indent);
            }
            out.append(key()).append(random.nextInt(10) == 0 ? " :" : ":");
            value(out, indent, depth, true);
            between(out, indent);
        }
    }

    private void list(StringBuilder out, int indent, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            if (i > 0 || random.nextInt(12) == 0) {
                indent(out, indent);
            }
            out.append('-');
            if (depth < 3 && random.nextInt(4) == 0) {
                int spaces = 1 + random.nextInt(2);
                out.append(" ".repeat(spaces));
                map(out, indent + 1 + spaces, depth + 1);
            } else {
                value(out, indent, depth, false);
            }
            between(out, indent);
        }
    }

    /** A value after {@code key:} or {@code -}, then the end of its line (and its nested lines). */
    private void value(StringBuilder out, int indent, int depth, boolean ofMap) {
        int style = depth >= 3 ? random.nextInt(3) : random.nextInt(6);
        switch (style) {
            case 0, 1 -> out.append(' ').append(scalar());
            case 2 -> out.append(random.nextInt(6) == 0 ? "" : " ");
            case 3 -> out.append(' ').append(flow(depth + 1));
            default -> {
                if (random.nextInt(5) == 0) {
                    out.append(" # nested");
                }
                out.append('\n');
                int nested = ofMap && random.nextInt(3) == 0 ? indent : indent + 1 + random.nextInt(3);
                indent(out, nested);
                if (nested == indent || random.nextBoolean()) {
                    list(out, nested, depth + 1);
                } else {
                    map(out, nested, depth + 1);
                }
                return;
            }
        }
        if (random.nextInt(8) == 0) {
            out.append(random.nextInt(4) == 0 ? "#c" : " # c");
        }
        out.append('\n');
    }

    private void between(StringBuilder out, int indent) {
        int kind = random.nextInt(14);
        if (kind == 0) {
            out.append('\n');
        } else if (kind == 1) {
            out.append(" ".repeat(random.nextInt(6))).append("# between\n");
        } else if (kind == 2) {
            out.append("   \n");
        }
    }

    private void indent(StringBuilder out, int indent) {
        out.append(" ".repeat(indent));
    }

    private String flow(int depth) {
        boolean map = random.nextBoolean();
        int entries = random.nextInt(4);
        StringBuilder out = new StringBuilder(map ? "{" : "[");
        for (int i = 0; i < entries; i++) {
            if (i > 0) {
                out.append(random.nextInt(4) == 0 ? " , " : ", ");
            }
            if (map) {
                out.append(key()).append(random.nextInt(8) == 0 ? ":" : ": ");
            }
            out.append(depth < 4 && random.nextInt(5) == 0 ? flow(depth + 1) : scalar());
        }
        if (entries > 0 && random.nextInt(15) == 0) {
            out.append(',');
        }
        return out.append(map ? "}" : "]").toString();
    }

    private String key() {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        return random.nextInt(6) == 0 ? quote(key) : key;
    }

    private String scalar() {
        String value = SCALARS.get(random.nextInt(SCALARS.size()));
        return random.nextInt(4) == 0 ? quote(value) : value;
    }

    private String quote(String value) {
        if (random.nextBoolean()) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append(random.nextBoolean() ? "\\t" : "\\x09");
                case 'é' -> out.append(random.nextBoolean() ? "\\u00e9" : "\\U000000E9");
                case ' ' -> out.append(random.nextInt(8) == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        if (random.nextInt(10) == 0) {
            out.append(List.of("\\n", "\\0", "\\e", "\\N", "\\_", "\\L", "\\/", "\\q", "\\x4", "\\uD83D")
                    .get(random.nextInt(10)));
        }
        return out.append('"').toString();
    }
}
