package dev.meshprov.core.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a mistyped one, for messages about unknown keys and commands. */
public final class Spelling {

    private Spelling() {}

    /**
     * The candidate {@code word} most probably means: one it is a prefix of or that is a prefix of it (at least three
     * letters), else the one fewest edits away (insertions, deletions, substitutions, swaps; ignoring case) when that is at
     * most a third of its length (at least one). Empty when none is that close.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String known = candidate.toLowerCase(Locale.ROOT);
            if (known.equals(typed)) {
                continue;
            }
            int distance = distance(typed, known);
            boolean prefix = Math.min(typed.length(), known.length()) >= 3
                    && (known.startsWith(typed) || typed.startsWith(known));
            int score = prefix ? Math.min(distance, 1) : distance;
            if (score < bestDistance) {
                bestDistance = score;
                best = candidate;
            }
        }
        int allowed = Math.max(1, typed.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * The edit distance of two strings: insertions, deletions, substitutions and swaps of two neighbours
     * ({@code prot} is one edit from {@code port}).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
