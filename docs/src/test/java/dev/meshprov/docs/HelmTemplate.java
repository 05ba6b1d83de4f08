package dev.meshprov.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A renderer for the subset of Helm's template language the chart in {@code deploy/helm/meshprov} is written in, so
 * that the build can render and check the chart where no {@code helm} binary is available.
 *
 * <p>The subset: text; actions {@code {{ pipeline }}} with the trim markers {@code {{-} and {@code -}}};
 * comments <code>{{/* ... *&#47;}}</code>; {@code if}/{@code else if}/{@code else}/{@code end}; {@code define}/{@code end} and
 * {@code include}; pipelines of commands separated by {@code |}, the piped value passed as the last argument; terms
 * {@code .}, {@code .A.b.c}, string and integer literals, and parenthesised pipelines; the functions
 * {@code default}, {@code quote}, {@code printf} ({@code %s}, {@code %d}, {@code %v}), {@code trunc},
 * {@code trimSuffix}, {@code toYaml} (keys sorted, no trailing newline), {@code indent}, {@code nindent},
 * {@code sha256sum}, {@code contains}, {@code not} and {@code eq}. Truthiness is Go's: nil, false, 0, "" and empty collections are
 * false. Anything else is an error, so a template that strays from the subset fails the build rather than rendering
 * differently from Helm.
 */
final class HelmTemplate {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Map<String, List<Node>> defines = new LinkedHashMap<>();

    /** Reads the named helpers ({@code define}s) of {@code source}, e.g. {@code _helpers.tpl}. */
    void addDefinitions(String source) {
        render(new Parser(source).parse(), Map.of());
    }

    /** Renders {@code source} with {@code context} (the keys {@code Values}, {@code Chart}, {@code Release}). */
    String render(String source, Map<String, Object> context) {
        return render(new Parser(source).parse(), context);
    }

    // ---------------------------------------------------------------- evaluation

    private String render(List<Node> nodes, Object dot) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Action action) {
                out.append(string(evaluate(action.pipeline(), dot)));
            } else if (node instanceof If branch) {
                out.append(render(truthy(evaluate(branch.condition(), dot)) ? branch.then() : branch.otherwise(), dot));
            } else if (node instanceof Define define) {
                defines.put(define.name(), define.body());
            }
        }
        return out.toString();
    }

    private Object evaluate(List<List<Token>> pipeline, Object dot) {
        Object piped = null;
        boolean first = true;
        for (List<Token> command : pipeline) {
            piped = command(command, dot, first ? null : piped, !first);
            first = false;
        }
        return piped;
    }

    private Object command(List<Token> terms, Object dot, Object piped, boolean hasPiped) {
        Token head = terms.get(0);
        if (head.kind() == Kind.IDENTIFIER) {
            List<Object> arguments = new ArrayList<>();
            for (Token term : terms.subList(1, terms.size())) {
                arguments.add(term(term, dot));
            }
            if (hasPiped) {
                arguments.add(piped);
            }
            return call(head.text(), arguments, dot);
        }
        if (terms.size() != 1 || hasPiped) {
            throw new IllegalArgumentException("not a function: " + head.text());
        }
        return term(head, dot);
    }

    private Object term(Token token, Object dot) {
        return switch (token.kind()) {
            case STRING -> token.text();
            case NUMBER -> Long.parseLong(token.text());
            case FIELD -> field(dot, token.text());
            case GROUP -> evaluate(token.group(), dot);
            case IDENTIFIER -> call(token.text(), List.of(), dot);
        };
    }

    private static Object field(Object dot, String path) {
        Object value = dot;
        for (String name : path.substring(1).split("\\.")) {
            if (name.isEmpty()) {
                continue;
            }
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value;
    }

    private Object call(String function, List<Object> args, Object dot) {
        return switch (function) {
            case "include" -> {
                List<Node> body = defines.get(string(arg(args, 0, function)));
                if (body == null) {
                    throw new IllegalArgumentException("no template named " + args.get(0));
                }
                yield render(body, arg(args, 1, function));
            }
            case "default" -> truthy(arg(args, 1, function)) ? args.get(1) : args.get(0);
            case "quote" -> quote(string(arg(args, 0, function)));
            case "printf" ->
                String.format(
                        string(arg(args, 0, function)).replace("%v", "%s"),
                        args.subList(1, args.size()).stream()
                                .map(HelmTemplate::string)
                                .toArray());
            case "trunc" -> {
                String text = string(arg(args, 1, function));
                int length = ((Number) arg(args, 0, function)).intValue();
                yield text.length() > length ? text.substring(0, length) : text;
            }
            case "trimSuffix" -> {
                String suffix = string(arg(args, 0, function));
                String text = string(arg(args, 1, function));
                yield text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
            }
            case "toYaml" -> toYaml(arg(args, 0, function));
            case "indent" -> indent(((Number) arg(args, 0, function)).intValue(), string(arg(args, 1, function)));
            case "nindent" ->
                "\n" + indent(((Number) arg(args, 0, function)).intValue(), string(arg(args, 1, function)));
            case "sha256sum" -> sha256(string(arg(args, 0, function)));
            case "not" -> !truthy(arg(args, 0, function));
            case "contains" -> string(arg(args, 1, function)).contains(string(arg(args, 0, function)));
            case "eq" -> String.valueOf(arg(args, 0, function)).equals(String.valueOf(arg(args, 1, function)));
            default -> throw new IllegalArgumentException("function " + function + " is not in the chart's subset");
        };
    }

    private static Object arg(List<Object> args, int index, String function) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(function + " needs " + (index + 1) + " arguments, got " + args);
        }
        return args.get(index);
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String toYaml(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            String yaml = YAML.writeValueAsString(value);
            return yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("toYaml: " + e.getOriginalMessage(), e);
        }
    }

    private static String indent(int spaces, String text) {
        String pad = " ".repeat(spaces);
        return pad + text.replace("\n", "\n" + pad);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- syntax tree

    private sealed interface Node permits Text, Action, If, Define {}

    private record Text(String text) implements Node {}

    private record Action(List<List<Token>> pipeline) implements Node {}

    private record If(List<List<Token>> condition, List<Node> then, List<Node> otherwise) implements Node {}

    private record Define(String name, List<Node> body) implements Node {}

    private enum Kind {
        IDENTIFIER,
        FIELD,
        STRING,
        NUMBER,
        GROUP
    }

    /** A term of a command; a {@code GROUP} is a parenthesised pipeline. */
    private record Token(Kind kind, String text, List<List<Token>> group) {
        Token(Kind kind, String text) {
            this(kind, text, List.of());
        }
    }

    /** Splits a template into text and actions, applying trim markers, and builds the tree. */
    private static final class Parser {
        private final List<Object> items = new ArrayList<>();
        private int next;

        Parser(String source) {
            int position = 0;
            boolean trimNext = false;
            while (position < source.length()) {
                int open = source.indexOf("{{", position);
                String text = open < 0 ? source.substring(position) : source.substring(position, open);
                if (trimNext) {
                    text = text.stripLeading();
                }
                if (open < 0) {
                    items.add(new Text(text));
                    break;
                }
                int close = source.indexOf("}}", open);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed action at " + open);
                }
                String action = source.substring(open + 2, close);
                if (action.startsWith("- ") || action.startsWith("-\n")) {
                    text = text.stripTrailing();
                    action = action.substring(1);
                }
                trimNext = action.endsWith(" -") || action.endsWith("\n-");
                if (trimNext) {
                    action = action.substring(0, action.length() - 1);
                }
                items.add(new Text(text));
                String trimmed = action.strip();
                if (!(trimmed.startsWith("/*") && trimmed.endsWith("*/"))) {
                    items.add(trimmed);
                }
                position = close + 2;
            }
        }

        List<Node> parse() {
            List<Node> nodes = block();
            if (next < items.size()) {
                throw new IllegalArgumentException("unexpected {{ " + items.get(next) + " }}");
            }
            return nodes;
        }

        /** Nodes up to (not including) an {@code else} or {@code end}. */
        private List<Node> block() {
            List<Node> nodes = new ArrayList<>();
            while (next < items.size()) {
                Object item = items.get(next);
                if (item instanceof Text text) {
                    next++;
                    if (!text.text().isEmpty()) {
                        nodes.add(text);
                    }
                    continue;
                }
                String action = (String) item;
                if (action.equals("end") || action.equals("else") || action.startsWith("else if ")) {
                    return nodes;
                }
                next++;
                if (action.startsWith("if ")) {
                    nodes.add(branch(action.substring(3)));
                } else if (action.startsWith("define ")) {
                    List<List<Token>> name = pipeline(action.substring(7));
                    List<Node> body = block();
                    expect("end");
                    nodes.add(new Define(name.get(0).get(0).text(), body));
                } else {
                    nodes.add(new Action(pipeline(action)));
                }
            }
            return nodes;
        }

        /** An {@code if} whose condition is {@code condition}, up to and including its {@code end}. */
        private If branch(String condition) {
            List<Node> then = block();
            if (next >= items.size()) {
                throw new IllegalArgumentException("expected {{ end }} for {{ if " + condition + " }}");
            }
            String keyword = (String) items.get(next++);
            List<Node> otherwise = List.of();
            if (keyword.equals("else")) {
                otherwise = block();
                expect("end");
            } else if (keyword.startsWith("else if ")) {
                otherwise = List.of(branch(keyword.substring("else if ".length())));
            }
            return new If(pipeline(condition), then, otherwise);
        }

        private String expect(String... keywords) {
            if (next >= items.size() || !List.of(keywords).contains(items.get(next))) {
                throw new IllegalArgumentException("expected {{ " + String.join(" or ", keywords) + " }}");
            }
            return (String) items.get(next++);
        }

        private static List<List<Token>> pipeline(String text) {
            Lexer lexer = new Lexer(text);
            List<List<Token>> pipeline = lexer.pipeline();
            if (!lexer.atEnd()) {
                throw new IllegalArgumentException("unexpected ')' in " + text);
            }
            return pipeline;
        }
    }

    /** Reads one pipeline: commands of terms, separated by {@code |}. */
    private static final class Lexer {
        private final String text;
        private int position;

        Lexer(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipSpaces();
            return position >= text.length();
        }

        List<List<Token>> pipeline() {
            List<List<Token>> commands = new ArrayList<>();
            List<Token> command = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (position >= text.length() || text.charAt(position) == ')') {
                    break;
                }
                char c = text.charAt(position);
                if (c == '|') {
                    position++;
                    commands.add(nonEmpty(command));
                    command = new ArrayList<>();
                } else if (c == '(') {
                    position++;
                    List<List<Token>> group = pipeline();
                    if (position >= text.length() || text.charAt(position) != ')') {
                        throw new IllegalArgumentException("unclosed '(' in " + text);
                    }
                    position++;
                    command.add(new Token(Kind.GROUP, "(...)", group));
                } else if (c == '"') {
                    command.add(new Token(Kind.STRING, string()));
                } else {
                    int start = position;
                    while (position < text.length() && " \t\n|()".indexOf(text.charAt(position)) < 0) {
                        position++;
                    }
                    String word = text.substring(start, position);
                    Kind kind = word.startsWith(".")
                            ? Kind.FIELD
                            : word.matches("-?[0-9]+") ? Kind.NUMBER : Kind.IDENTIFIER;
                    if (kind == Kind.IDENTIFIER && !word.matches("[A-Za-z][A-Za-z0-9]*")) {
                        throw new IllegalArgumentException("'" + word + "' is not in the chart's subset");
                    }
                    command.add(new Token(kind, word));
                }
            }
            commands.add(nonEmpty(command));
            return commands;
        }

        private List<Token> nonEmpty(List<Token> command) {
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command in " + text);
            }
            return command;
        }

        private String string() {
            StringBuilder value = new StringBuilder();
            position++;
            while (position < text.length() && text.charAt(position) != '"') {
                char c = text.charAt(position++);
                if (c == '\\' && position < text.length()) {
                    char escaped = text.charAt(position++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (position >= text.length()) {
                throw new IllegalArgumentException("unclosed string in " + text);
            }
            position++;
            return value.toString();
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
