package dev.meshprov.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code regions of compiled sources and the snippets a guide shows of them. A source region lies between the
 * comments {@code // tag::NAME[]} and {@code // end::NAME[]}; a guide shows it as the fenced block right after the
 * line {@code <!-- snippet: FILE#NAME -->}. Regions are compared without their common indentation.
 */
final class Snippets {

    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-zA-Z0-9-]+)\\[]\\s*$");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([A-Za-z0-9]+\\.java)#([a-zA-Z0-9-]+) -->\\R```java\\R(.*?)```", Pattern.DOTALL);

    private Snippets() {}

    /** The regions of a source file, by name, without their common indentation. */
    static Map<String, String> regions(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i));
            if (tag.matches()) {
                String end = "// end::" + tag.group(1) + "[]";
                List<String> body = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().equals(end)) {
                    body.add(lines.get(j++));
                }
                if (j == lines.size()) {
                    throw new IllegalArgumentException("region " + tag.group(1) + " has no " + end);
                }
                regions.put(tag.group(1), dedent(body));
            }
        }
        return regions;
    }

    /**
     * A snippet of a guide.
     *
     * @param file the source file's name
     * @param region the region's name
     * @param code the code the guide shows
     */
    record Snippet(String file, String region, String code) {}

    static List<Snippet> snippets(String guide) {
        List<Snippet> snippets = new ArrayList<>();
        Matcher matcher = SNIPPET.matcher(guide);
        while (matcher.find()) {
            snippets.add(new Snippet(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return snippets;
    }

    /** {@code guide} with every snippet replaced by the current region; {@code sources} maps a file name to text. */
    static String refreshed(String guide, Function<String, String> sources) {
        Matcher matcher = SNIPPET.matcher(guide);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String code = regions(sources.apply(matcher.group(1))).get(matcher.group(2));
            String replacement = code == null
                    ? matcher.group()
                    : matcher.group().substring(0, matcher.start(3) - matcher.start()) + code + "```";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }
}
