package dev.meshprov.core.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text and trees: every registered secret value (config passwords, tokens, private keys and each
 * long line of them), and the value of any key whose name looks secret ({@code password}, {@code client_secret},
 * {@code access_token}, {@code privateKey}, ...) in JSON-, YAML- or form-like text. Thread-safe; one instance is
 * shared by the whole process.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Secrets shorter than this are not registered: masking them would garble ordinary text. */
    static final int MIN_SECRET_LENGTH = 4;

    private static final int MIN_LINE_LENGTH = 16;
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(pass(word|wd|phrase)?|secret|token|private[_-]?key|api[_-]?key|credential|authorization"
                    + "|x-altus-auth|cookie)");
    private static final Pattern NOT_A_SECRET =
            Pattern.compile("(?i)(url|uri|endpoint|path|file|dir|ttl|expir\\w*|timeout|type|method|header|name)$");
    private static final String KEY_NAMES =
            "[A-Za-z0-9_.-]*(?:[Pp]ass(?:word|wd|phrase)?|PASS(?:WORD)?|[Ss]ecret|SECRET"
                    + "|[Tt]oken|TOKEN|[Pp]rivate[_-]?[Kk]ey|PRIVATE_KEY|[Aa]pi[_-]?[Kk]ey|API_KEY|[Cc]redentials?)[A-Za-z0-9_.-]*";
    private static final Pattern JSON_PAIR =
            Pattern.compile("(\"" + KEY_NAMES + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    /** {@code key=value} as in query strings, form bodies and properties: the value is always masked. */
    private static final Pattern EQUALS_PAIR =
            Pattern.compile("(?<![A-Za-z0-9_.\"-])(" + KEY_NAMES + "\\s*=\\s*)(?![\\s\"{\\[])([^\\s,;&}\\]]+)");
    /**
     * {@code key: value} as in YAML or log text: masked only when the value ends the clause, so that a sentence about
     * a field ({@code ...password: is required but missing}) stays readable; never the {@code ${VARIABLE:-default}}
     * syntax of the configuration (a default that is a configured secret is masked as a registered value).
     */
    private static final Pattern COLON_PAIR = Pattern.compile(
            "(?<![A-Za-z0-9_.\"-])(?<!\\$\\{)(" + KEY_NAMES
                    + ":[ \\t]*)(?![\\s\"{\\[]|\\$\\{)([^\\s,;&}\\]]+)(?=[ \\t]*(?:$|[\\r\\n,;&}\\]]))",
            Pattern.MULTILINE);

    /**
     * What every name {@link #KEY_NAMES} matches contains, ignoring case: text without any of them has no secret-keyed
     * value, so the three patterns need not run (most text, on every request).
     */
    private static final String[] KEY_STEMS = {"pass", "secret", "token", "key", "credential"};

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile List<String> ordered = List.of();

    /**
     * Whether a key name looks like it holds a secret ({@code password}, {@code clientSecret}, {@code token}...),
     * and not merely names where or how to find one ({@code tokenUrl}, {@code passwordFile}, {@code authType}).
     */
    public static boolean isSecretKey(String key) {
        return key != null
                && SECRET_KEY.matcher(key).find()
                && !NOT_A_SECRET.matcher(key).find();
    }

    /** Registers a secret value; a multi-line value (a PEM key) also registers each long line. */
    public void register(String secret) {
        if (secret == null) {
            return;
        }
        boolean changed = add(secret.strip());
        if (secret.contains("\n")) {
            for (String line : secret.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.length() >= MIN_LINE_LENGTH && !trimmed.startsWith("-----")) {
                    changed |= add(trimmed);
                }
            }
        }
        if (changed) {
            ordered = secrets.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        }
    }

    private boolean add(String value) {
        return value.length() >= MIN_SECRET_LENGTH && secrets.add(value);
    }

    /** The text with every registered secret and every secret-keyed value masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : ordered) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        if (!mentionsKeyStem(result)) {
            return result;
        }
        result = JSON_PAIR.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        result = EQUALS_PAIR.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return COLON_PAIR.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    private static boolean mentionsKeyStem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char lower = Character.toLowerCase(text.charAt(i));
            for (String stem : KEY_STEMS) {
                if (lower == stem.charAt(0) && text.regionMatches(true, i, stem, 0, stem.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of {@code node} with secret-keyed values and registered secrets masked. */
    public JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields()
                    .forEachRemaining(entry -> copy.set(
                            entry.getKey(),
                            isSecretKey(entry.getKey()) && !entry.getValue().isContainerNode()
                                    ? TextNode.valueOf(MASK)
                                    : redact(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(redact(element)));
            return copy;
        }
        if (node.isTextual()) {
            String redacted = redact(node.asText());
            return redacted.equals(node.asText()) ? node : TextNode.valueOf(redacted);
        }
        return node;
    }

    /** Whether {@code text} contains a registered secret (for tests and assertions). */
    public boolean containsSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ordered.stream().anyMatch(s -> text.contains(s) || lower.contains(s.toLowerCase(Locale.ROOT)));
    }
}
