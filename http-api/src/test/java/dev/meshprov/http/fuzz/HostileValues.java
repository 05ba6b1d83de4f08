package dev.meshprov.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hostile values the fuzzer puts into requests and descriptors: wrong types, nulls, huge and odd strings, deep
 * nesting, and path traversal aimed at a sentinel directory outside the server's working directory (never at a real
 * system file: a bug must not be able to damage the machine running the tests).
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "nul\u0000inside",
            "\t\r\n",
            "\u202Egnp.exe",
            "\uD83D\uDE00\uD83D\uDCA9",
            "e\u0301\u0301\u0301\u0301",
            "\uFEFFbom",
            "\uD800",
            "${jndi:ldap://127.0.0.1:9/x}",
            "{{7*7}}",
            "'; DROP TABLE jobs; --",
            "<script>alert(1)</script>",
            "%s%s%s%n",
            "*",
            "?",
            "-1",
            "1e309",
            "NaN",
            "true",
            "null",
            "~",
            "!!java.io.File /x",
            "&anchor",
            "*alias",
            "CON",
            "a".repeat(256));

    private final String outside;

    /** @param outside a directory outside the server's working directory, where nothing may ever appear */
    HostileValues(Path outside) {
        this.outside = outside.toAbsolutePath().toString();
    }

    /** Path-like values that try to leave the working directory or the bucket prefix. */
    List<String> traversals() {
        return List.of(
                "../../etc/passwd",
                "../../../../../../outside/pwned.py",
                "..",
                "../",
                "./../..",
                "dags/../../../../x.py",
                "..\\..\\windows\\win.ini",
                "%2e%2e/%2e%2e/etc/passwd",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "..%2f..%2f..%2fx",
                "%252e%252e%252f",
                "..;/x",
                "\u002e\u002e/\u002e\u002e/x",
                "\uFF0E\uFF0E/\uFF0E\uFF0E/x",
                outside + "/pwned.py",
                outside + "/",
                outside,
                "file://" + outside + "/pwned.py",
                "s3://bucket/../../other/x.jar",
                "s3://../x.jar",
                "s3:///x.jar",
                "s3://bucket/" + "../".repeat(20) + "x.jar",
                "/",
                "//127.0.0.1/share/x",
                "dags/\u0000.py",
                "dags/x.py\u0000.txt",
                "~/x.py",
                "$HOME/x.py");
    }

    /** A random hostile value of any kind. */
    JsonNode any(SplittableRandom random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.textNode(huge(random));
            case 5 -> NODES.textNode(pick(random, ODD_STRINGS));
            case 6 -> NODES.textNode(pick(random, traversals()));
            case 7 -> nested(random, 1 + random.nextInt(300));
            case 8 -> NODES.arrayNode().add(NODES.textNode(pick(random, traversals())));
            case 9 -> NODES.objectNode().put("unexpected", pick(random, ODD_STRINGS));
            case 10 -> NODES.numberNode(random.nextInt());
            default -> NODES.textNode(unicode(random, 1 + random.nextInt(64)));
        };
    }

    /** A long string: mostly up to 16 KiB, rarely 1 MiB. */
    static String huge(SplittableRandom random) {
        int length = random.nextInt(200) == 0 ? 1 << 20 : 1 + random.nextInt(16 * 1024);
        return String.valueOf((char) ('a' + random.nextInt(26))).repeat(length);
    }

    /** Random code points from every plane, including controls and unpaired surrogates. */
    static String unicode(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(8) == 0 ? random.nextInt(0xD800, 0xE000) : random.nextInt(0x110000);
            if (codePoint >= 0xD800 && codePoint < 0xE000) {
                text.append((char) codePoint);
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** Objects and lists nested {@code depth} deep. */
    static JsonNode nested(SplittableRandom random, int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                ArrayNode array = NODES.arrayNode();
                array.add(node);
                node = array;
            } else {
                ObjectNode object = NODES.objectNode();
                object.set("n", node);
                node = object;
            }
        }
        return node;
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
