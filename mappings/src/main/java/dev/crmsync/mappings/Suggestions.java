package dev.crmsync.mappings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for a misspelt key, system or kind: the closest candidate within two edits. */
final class Suggestions {
    private static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    /** {@code "; did you mean 'statuses'?"} to append inside an "(expected ...)", or empty. */
    static String didYouMean(String written, Collection<String> candidates) {
        return closest(written, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    static Optional<String> closest(String written, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> !c.equals(written))
                .filter(c -> distance(written, c) <= Math.min(MAX_EDITS, Math.max(1, c.length() / 3)))
                .min(Comparator.comparingInt(c -> distance(written, c)));
    }

    /** Levenshtein distance, case-insensitive: a wrongly capitalised name is one mistake, not many. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
