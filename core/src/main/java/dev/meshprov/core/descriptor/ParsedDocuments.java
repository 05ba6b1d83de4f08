package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trees of the documents parsed most recently, by their exact text, so that a document sent again is not parsed
 * again. The Witboost coordinator sends the whole data product descriptor with every call — validate, then
 * provision, for each of the data product's components — so one text arrives many times in a row.
 *
 * <p>Keyed by the whole text (never by a hash alone), bounded by entry count and by the total length of the texts
 * held, least recently used first out. The trees held are shared as they are ({@link #findShared}, {@link
 * #keepShared}: read-only trees, see {@link TreeNodes#READ_ONLY}) or copied for a caller who changes its tree
 * ({@link #find}, {@link #keep}), so that nothing a caller does to its tree reaches the cache or another caller.
 * Thread-safe.
 */
final class ParsedDocuments {

    private final int maxEntries;
    private final long maxChars;
    private final LinkedHashMap<String, JsonNode> byText = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    /**
     * @param maxEntries the most documents held
     * @param maxChars the most characters of text held in total; a longer text than a quarter of it is never held
     */
    ParsedDocuments(int maxEntries, long maxChars) {
        if (maxEntries <= 0 || maxChars <= 0) {
            throw new IllegalArgumentException("a document cache holds at least one document of one character");
        }
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** A copy of the tree parsed from exactly {@code text}, when it is held. */
    Optional<JsonNode> find(String text) {
        return findShared(text).map(JsonNode::deepCopy);
    }

    /** The tree parsed from exactly {@code text}, when it is held: the one every caller shares. */
    Optional<JsonNode> findShared(String text) {
        synchronized (this) {
            return Optional.ofNullable(byText.get(text));
        }
    }

    /** Holds {@code tree} (parsed from {@code text}) and returns a copy for the caller. */
    JsonNode keep(String text, JsonNode tree) {
        return keepShared(text, tree).deepCopy();
    }

    /** Holds {@code tree} (parsed from {@code text}, read-only) and returns it, for every caller to share. */
    JsonNode keepShared(String text, JsonNode tree) {
        if (text.length() <= maxChars / 4) {
            synchronized (this) {
                if (byText.put(text, tree) == null) {
                    chars += text.length();
                }
                evictBeyondBounds();
            }
        }
        return tree;
    }

    private void evictBeyondBounds() {
        Iterator<Map.Entry<String, JsonNode>> eldestFirst = byText.entrySet().iterator();
        while ((byText.size() > maxEntries || chars > maxChars) && eldestFirst.hasNext()) {
            chars -= eldestFirst.next().getKey().length();
            eldestFirst.remove();
        }
    }

    synchronized int size() {
        return byText.size();
    }
}
