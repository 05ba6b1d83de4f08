package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.StringReader;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses one YAML (or JSON) document into a Jackson tree, safely: aliases are expanded but bounded, nesting,
 * size and the expanded node count are bounded, duplicate keys are refused, and no tag can construct a Java object
 * (the document is only composed into nodes, never constructed). Error messages give the line and column but never
 * quote the document, which may hold secrets. Thread-safe.
 */
public final class SafeYaml {

    private static final String PLAIN_YAML_FIX = "Write the descriptor as plain YAML: strings, numbers, booleans,"
            + " null, lists and maps, without custom tags, duplicate keys or aliases that expand it beyond its limits.";

    /** How many recently parsed documents {@link #cached} keeps, and how many characters of them at most. */
    public static final int CACHED_DOCUMENTS = 64;

    public static final long CACHED_CHARACTERS = 2L * 1024 * 1024;

    private final YamlLimits limits;
    private final Optional<ParsedDocuments> recent;

    /** A parser that parses every document it is given. */
    public SafeYaml(YamlLimits limits) {
        this(limits, Optional.empty());
    }

    private SafeYaml(YamlLimits limits, Optional<ParsedDocuments> recent) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.recent = recent;
    }

    public static SafeYaml withDefaults() {
        return new SafeYaml(YamlLimits.defaults());
    }

    /**
     * A parser that remembers the trees of the {@link #CACHED_DOCUMENTS} documents it parsed last (at most {@link
     * #CACHED_CHARACTERS} characters of them) and answers the same text again without parsing it: {@link
     * #parseReadOnly} with the one read-only tree every caller shares, {@link #parse} with the caller's own copy.
     * For a server, which receives the same data product descriptor once per call.
     */
    public static SafeYaml cached(YamlLimits limits) {
        return new SafeYaml(limits, Optional.of(new ParsedDocuments(CACHED_DOCUMENTS, CACHED_CHARACTERS)));
    }

    /**
     * Parses {@code text} into a tree the caller owns and may change; problems are reported at {@code field} (e.g.
     * {@code descriptor}). An empty document is a missing node.
     */
    public Validation<Seq<Problem>, JsonNode> parse(String text, String field) {
        if (recent.isEmpty()) {
            return parse(text, field, TreeNodes.MUTABLE);
        }
        return parseReadOnly(text, field).map(JsonNode::deepCopy);
    }

    /**
     * Parses {@code text} into a read-only tree, which a cached parser shares with every caller of the same text:
     * its maps and lists refuse every change ({@link UnsupportedOperationException}); {@link JsonNode#deepCopy()}
     * gives a copy to change. Problems as for {@link #parse}.
     */
    public Validation<Seq<Problem>, JsonNode> parseReadOnly(String text, String field) {
        Optional<JsonNode> known = recent.flatMap(documents -> documents.findShared(text));
        if (known.isPresent()) {
            return Validations.valid(known.get());
        }
        return parse(text, field, TreeNodes.READ_ONLY)
                .map(tree -> recent.map(documents -> documents.keepShared(text, tree))
                        .orElse(tree));
    }

    /**
     * The plain YAML that descriptors are written in is read in one pass ({@link PlainYamlReader}); every other
     * document (aliases, tags, block scalars, ... and every invalid one) is composed by SnakeYAML within the limits
     * and converted, which also words every problem.
     */
    private Validation<Seq<Problem>, JsonNode> parse(String text, String field, TreeNodes nodes) {
        if (text.length() > limits.maxCodePoints()) {
            return Validations.invalid(Problem.of(
                    field,
                    "is " + text.length() + " characters long; the limit is " + limits.maxCodePoints(),
                    "Send a smaller document."));
        }
        JsonNode plain = PlainYamlReader.read(text, limits, nodes);
        return plain != null ? Validations.valid(plain) : composed(text, field, nodes);
    }

    /** SnakeYAML's compose within the limits, then the conversion: the path for every document. */
    Validation<Seq<Problem>, JsonNode> composed(String text, String field, TreeNodes nodes) {
        try {
            Node root = newYaml().compose(new StringReader(text));
            return Validations.valid(
                    root == null ? MissingNode.getInstance() : new NodeTreeConverter(limits, nodes).convert(root));
        } catch (YamlRejected e) {
            return Validations.invalid(Problem.of(field, "is not accepted: " + e.getMessage(), fixFor(e)));
        } catch (MarkedYAMLException e) {
            String problem = describe(e);
            boolean tag = problem.contains("tag");
            return Validations.invalid(Problem.of(
                    field,
                    (tag ? "is not accepted: " : "is not valid YAML: ") + problem,
                    tag ? PLAIN_YAML_FIX : "Fix the YAML syntax at the position given."));
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner parses the hex digits of an escape with Integer.parseInt, which throws past it for
            // eight hex digits beyond 7FFFFFFF
            return Validations.invalid(Problem.of(
                    field,
                    "is not valid YAML: a double-quoted scalar holds an escape that names no character",
                    "Fix the escape: \\x, \\u and \\U take 2, 4 and 8 hex digits of a Unicode code point."));
        } catch (YAMLException e) {
            return Validations.invalid(Problem.of(
                    field,
                    "is not accepted: " + firstLine(e.getMessage()),
                    "Send a plain YAML document within the limits (at most " + limits.maxAliasesForCollections()
                            + " aliases to lists or maps, " + limits.maxDepth() + " levels of nesting, "
                            + limits.maxCodePoints() + " characters)."));
        }
    }

    private Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxCodePoints());
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        options.setWrappedToRootException(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(
                new SafeConstructor(options),
                new Representer(dumperOptions),
                dumperOptions,
                options,
                new JsonCompatibleResolver());
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder text = new StringBuilder();
        if (e.getContext() != null) {
            text.append(e.getContext()).append(", ");
        }
        text.append(e.getProblem() == null ? "syntax error" : e.getProblem());
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark != null) {
            text.append(" (line ")
                    .append(mark.getLine() + 1)
                    .append(", column ")
                    .append(mark.getColumn() + 1)
                    .append(')');
        }
        return text.toString();
    }

    private static String fixFor(YamlRejected e) {
        return PLAIN_YAML_FIX;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
