package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Reads the plain YAML that descriptors are written in straight into a Jackson tree, in one pass over the text,
 * and declines (returns {@code null}) every document that is not plainly within it, leaving those to SnakeYAML
 * ({@link SafeYaml}'s full path, which reports every problem with its line and column).
 *
 * <p>What it reads: block maps and lists (also lists at their key's indentation and maps started on a list entry's
 * line), plain scalars on one line, single- and double-quoted scalars on one line (escapes as SnakeYAML reads them),
 * flow lists and maps on one line, comments and blank lines; scalars typed exactly as {@link
 * JsonCompatibleResolver} types them ({@link PlainScalars}). What it declines: anything else — anchors, aliases,
 * tags, merge keys, block scalars ({@code |}, {@code >}), scalars or flows over several lines, {@code ?} keys,
 * directives and document markers, tabs, carriage returns, characters YAML does not print, infinite or NaN numbers,
 * and every error: a duplicate key, an indentation SnakeYAML would refuse or read as a continued scalar, nesting
 * deeper than {@link YamlLimits#maxDepth()}, more values than {@link YamlLimits#maxNodes()}. A document it reads
 * gives the same tree as SnakeYAML's compose and {@link NodeTreeConverter} (a differential test holds it to that);
 * when in doubt, it declines.
 *
 * <p>Recursion is bounded by the depth limit; memory by the text (no alias can expand anything here). Not
 * thread-safe: one reader per document. Over 300 lines: one grammar, whose rules read best side by side.
 */
final class PlainYamlReader {

    /** Unwinds the reader when the document is not plainly within what it reads. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super("declined", null, false, false);
        }
    }

    private static final Declined DECLINED = new Declined();

    /** What {@link #at(int)} answers past the end (the text itself never holds it: see {@link #printable()}). */
    private static final char END = '\0';

    private final String text;
    private final int end;
    private final YamlLimits limits;
    private final TreeNodes nodes;
    private final PlainScalars scalars;
    /** The position read next, and the start of the line holding it. */
    private int pos;

    private int lineStart;
    /** Values made so far, counted as {@link NodeTreeConverter} counts them. */
    private int produced;

    private PlainYamlReader(String text, YamlLimits limits, TreeNodes nodes) {
        this.text = text;
        this.end = text.length();
        this.limits = limits;
        this.nodes = nodes;
        this.scalars = new PlainScalars(text);
    }

    /** What the scalar rules throw to decline a document. */
    static RuntimeException declined() {
        return DECLINED;
    }

    /** The tree of {@code text}, or {@code null} when the document is not plainly within what this reader reads. */
    static JsonNode read(String text, YamlLimits limits, TreeNodes nodes) {
        try {
            return new PlainYamlReader(text, limits, nodes).document();
        } catch (Declined e) {
            return null;
        }
    }

    private JsonNode document() {
        printable();
        nextContent();
        if (pos == end) {
            return MissingNode.getInstance();
        }
        JsonNode root = block(column(), 0);
        if (pos != end) {
            throw DECLINED;
        }
        return root;
    }

    /**
     * Declines characters SnakeYAML refuses or reads as something this reader does not: control characters (tabs
     * and carriage returns too), the YAML 1.1 line breaks U+0085, U+2028 and U+2029, byte order marks, unpaired
     * surrogates, U+FFFE and U+FFFF; and lines that start a directive or a document marker.
     */
    private void printable() {
        if (end > 0 && markerAt(0)) {
            throw DECLINED;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (c == '\n') {
                if (i + 1 < end && markerAt(i + 1)) {
                    throw DECLINED;
                }
                continue;
            }
            if (c < 0xa0 || c == 0x2028 || c == 0x2029 || c == 0xfeff || c >= 0xfffe || Character.isLowSurrogate(c)) {
                throw DECLINED;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == end || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw DECLINED;
                }
                i++;
            }
        }
    }

    private boolean markerAt(int i) {
        return text.charAt(i) == '%' || text.startsWith("---", i) || text.startsWith("...", i);
    }

    // ------------------------------------------------------------------ lines

    private char at(int i) {
        return i < end ? text.charAt(i) : END;
    }

    private int column() {
        return pos - lineStart;
    }

    private static boolean isBlankOrEnd(char c) {
        return c == ' ' || c == '\n' || c == END;
    }

    private void skipSpaces() {
        while (at(pos) == ' ') {
            pos++;
        }
    }

    /** Skips to the first character of the next line holding more than spaces and a comment, or to the end. */
    private void nextContent() {
        while (pos < end) {
            skipSpaces();
            char c = at(pos);
            if (c == '#') {
                int newline = text.indexOf('\n', pos);
                pos = newline < 0 ? end : newline;
                c = at(pos);
            }
            if (c != '\n') {
                return;
            }
            pos++;
            lineStart = pos;
        }
    }

    /** After a value: only spaces and a comment (after a space) may follow on its line; then the next content. */
    private void endOfLine() {
        skipSpaces();
        char c = at(pos);
        if (c == '#' ? text.charAt(pos - 1) != ' ' : c != '\n' && c != END) {
            throw DECLINED;
        }
        nextContent();
    }

    /** A block entry indicator: {@code -} followed by a space or the end of the line. */
    private boolean isEntryAt(int i) {
        return at(i) == '-' && isBlankOrEnd(at(i + 1));
    }

    // ------------------------------------------------------------------ block collections

    /** A block map or list whose first key or entry is at {@code pos}, in column {@code column}. */
    private JsonNode block(int column, int depth) {
        return isEntryAt(pos) ? list(column, depth, false) : map(column, depth, null);
    }

    private void count(int depth) {
        if (++produced > limits.maxNodes() || depth >= limits.maxDepth()) {
            throw DECLINED;
        }
    }

    /**
     * A block map in {@code column}; {@code firstKey}, when not null, is its first key, already read (a map started
     * on a list entry's line), with {@code pos} after its {@code :}.
     */
    private JsonNode map(int column, int depth, String firstKey) {
        count(depth);
        LinkedHashMap<String, JsonNode> children = new LinkedHashMap<>();
        String key = firstKey != null ? firstKey : key();
        while (true) {
            if (children.put(key, value(column, depth + 1, true)) != null) {
                throw DECLINED;
            }
            if (pos == end || column() < column) {
                return nodes.object(children);
            }
            if (column() > column || isEntryAt(pos)) {
                throw DECLINED;
            }
            key = key();
        }
    }

    /**
     * A block list in {@code column}; an {@code indentless} one is a map value at its key's indentation and ends at
     * the first line in that column that is no entry.
     */
    private JsonNode list(int column, int depth, boolean indentless) {
        count(depth);
        ArrayList<JsonNode> children = new ArrayList<>();
        while (true) {
            pos++;
            children.add(value(column, depth + 1, false));
            if (pos == end || column() < column) {
                return nodes.array(children);
            }
            if (column() > column) {
                throw DECLINED;
            }
            if (!isEntryAt(pos)) {
                if (indentless) {
                    return nodes.array(children);
                }
                throw DECLINED;
            }
        }
    }

    /** A map key at {@code pos}, plain or quoted, with its {@code :}; {@code pos} after the {@code :}. */
    private String key() {
        char c = at(pos);
        String key;
        int start = pos;
        if (c == '"' || c == '\'') {
            key = quoted();
            skipSpaces();
        } else if (scalars.startsPlain(pos, false)) {
            pos = scalars.plainEnd(pos, false);
            key = plainKey(start);
        } else {
            throw DECLINED;
        }
        if (at(pos) != ':' || !isBlankOrEnd(at(pos + 1))) {
            throw DECLINED;
        }
        simpleKeyLength(start);
        pos++;
        return key;
    }

    /** A plain key that ends at {@link PlainScalars#contentEnd()}; a merge key ({@code <<}) is declined. */
    private String plainKey(int start) {
        String key = text.substring(start, scalars.contentEnd());
        if (key.equals("<<")) {
            throw DECLINED;
        }
        return key;
    }

    /** SnakeYAML reads a key as such only within 1,024 characters of its start; this reader within 1,000. */
    private void simpleKeyLength(int start) {
        if (pos - start > 1_000) {
            throw DECLINED;
        }
    }

    /**
     * The value after a map's {@code :} or a list's {@code -} ({@code pos} just after it), in a collection in
     * {@code column}; {@code pos} then at the next content.
     */
    private JsonNode value(int column, int depth, boolean ofMap) {
        skipSpaces();
        char c = at(pos);
        if (c == '\n' || c == END || c == '#') {
            nextContent();
            if (pos < end && (column() > column || ofMap && column() == column && isEntryAt(pos))) {
                return column() > column ? block(column(), depth) : list(column(), depth, true);
            }
            count(depth);
            return TreeNodes.FACTORY.nullNode();
        }
        int start = pos;
        JsonNode value;
        if (c == '[' || c == '{') {
            value = flow(depth);
        } else if (c == '"' || c == '\'') {
            String quoted = quoted();
            skipSpaces();
            if (at(pos) == ':' && isBlankOrEnd(at(pos + 1))) {
                return mapOnEntryLine(start, quoted, depth, ofMap);
            }
            count(depth);
            value = TreeNodes.FACTORY.textNode(quoted);
        } else if (scalars.startsPlain(pos, false)) {
            pos = scalars.plainEnd(pos, false);
            if (at(pos) == ':') {
                return mapOnEntryLine(start, plainKey(start), depth, ofMap);
            }
            count(depth);
            value = scalars.typed(text.substring(start, scalars.contentEnd()));
        } else {
            throw DECLINED;
        }
        endOfLine();
        return value;
    }

    /** A map whose first key ({@code key}, at {@code start}) is on a list entry's line; {@code pos} at its ':'. */
    private JsonNode mapOnEntryLine(int start, String key, int depth, boolean ofMap) {
        if (ofMap) {
            throw DECLINED;
        }
        simpleKeyLength(start);
        pos++;
        return map(start - lineStart, depth, key);
    }

    // ------------------------------------------------------------------ flow collections (one line)

    private JsonNode flow(int depth) {
        count(depth);
        char close = at(pos) == '[' ? ']' : '}';
        pos++;
        skipFlowSpaces();
        LinkedHashMap<String, JsonNode> map = close == '}' ? new LinkedHashMap<>() : null;
        ArrayList<JsonNode> list = close == ']' ? new ArrayList<>() : null;
        if (at(pos) == close) {
            pos++;
            return map != null ? nodes.object(map) : nodes.array(list);
        }
        while (true) {
            if (map != null) {
                String key = flowKey();
                if (map.put(key, flowValue(depth + 1)) != null) {
                    throw DECLINED;
                }
            } else {
                list.add(flowValue(depth + 1));
            }
            skipFlowSpaces();
            char c = at(pos++);
            if (c == close) {
                return map != null ? nodes.object(map) : nodes.array(list);
            }
            skipFlowSpaces();
            if (c != ',' || at(pos) == close) {
                throw DECLINED;
            }
        }
    }

    /** Spaces inside a flow collection; it must not go on to the next line or hold a comment. */
    private void skipFlowSpaces() {
        skipSpaces();
        char c = at(pos);
        if (c == '\n' || c == END || c == '#') {
            throw DECLINED;
        }
    }

    private String flowKey() {
        String key;
        char c = at(pos);
        int start = pos;
        if (c == '"' || c == '\'') {
            key = quoted();
            skipSpaces();
            if (at(pos) != ':') {
                throw DECLINED;
            }
        } else if (scalars.startsPlain(pos, true)) {
            pos = scalars.plainEnd(pos, true);
            key = plainKey(start);
            if (at(pos) != ':' || at(pos + 1) != ' ') {
                throw DECLINED;
            }
        } else {
            throw DECLINED;
        }
        simpleKeyLength(start);
        pos++;
        skipFlowSpaces();
        return key;
    }

    private JsonNode flowValue(int depth) {
        char c = at(pos);
        if (c == '[' || c == '{') {
            return flow(depth);
        }
        count(depth);
        if (c == '"' || c == '\'') {
            String quoted = quoted();
            skipSpaces();
            if (at(pos) == ':') {
                throw DECLINED;
            }
            return TreeNodes.FACTORY.textNode(quoted);
        }
        if (!scalars.startsPlain(pos, true)) {
            throw DECLINED;
        }
        int start = pos;
        pos = scalars.plainEnd(pos, true);
        char after = at(pos);
        if (after != ',' && after != ']' && after != '}') {
            throw DECLINED;
        }
        return scalars.typed(text.substring(start, scalars.contentEnd()));
    }

    // ------------------------------------------------------------------ quoted scalars (one line)

    /** A quoted scalar at {@code pos}; {@code pos} after its closing quote. */
    private String quoted() {
        char quote = at(pos);
        int segment = ++pos;
        StringBuilder decoded = null;
        while (true) {
            char c = at(pos);
            if (c == '\n' || c == END) {
                throw DECLINED;
            }
            if (c == quote && (quote == '"' || at(pos + 1) != '\'')) {
                String value = decoded == null
                        ? text.substring(segment, pos)
                        : decoded.append(text, segment, pos).toString();
                pos++;
                return value;
            }
            if (c == '\'' && quote == '\'' || c == '\\' && quote == '"') {
                decoded = decoded != null ? decoded : new StringBuilder();
                decoded.append(text, segment, pos);
                pos = c == '\'' ? pos + 2 : scalars.escape(pos, decoded);
                if (c == '\'') {
                    decoded.append('\'');
                }
                segment = pos;
            } else {
                pos++;
            }
        }
    }
}
