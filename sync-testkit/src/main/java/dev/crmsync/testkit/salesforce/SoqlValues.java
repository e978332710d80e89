package dev.crmsync.testkit.salesforce;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * SOQL literals and how a stored text value compares with them: date-times as instants, numbers as numbers,
 * strings case-insensitively (as SOQL compares text), {@code null} as absent.
 */
final class SoqlValues {
    private SoqlValues() {
    }

    static Comparable<?> literal(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1);
        }
        if (token.equalsIgnoreCase("null")) {
            return null;
        }
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return token.toLowerCase();
        }
        if (token.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return Instant.parse(token.replaceFirst("\\+0000$", "Z"));
            } catch (DateTimeParseException e) {
                throw SoapFault.malformedQuery("invalid date-time literal: '" + token + "'");
            }
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw SoapFault.malformedQuery("unexpected token: '" + token + "'");
        }
    }

    /** Negative, zero or positive as the stored value sorts before, equal to or after the literal; null sorts first. */
    static int compare(String stored, Comparable<?> literal) {
        if (stored == null || literal == null) {
            return stored == null && literal == null ? 0 : stored == null ? -1 : 1;
        }
        if (literal instanceof Instant instant) {
            return Instant.parse(stored).compareTo(instant);
        }
        if (literal instanceof Double number) {
            return Double.valueOf(stored).compareTo(number);
        }
        return stored.compareToIgnoreCase((String) literal);
    }

    /** A key that orders stored values the way SOQL's ORDER BY does for the types the simulator knows. */
    static String sortKey(String stored) {
        return stored;
    }
}
