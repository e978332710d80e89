package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import tools.jackson.databind.JsonNode;

/** One CRM search filter as a predicate; string comparisons ignore case, as HubSpot's search does. */
final class SearchFilter {
    private SearchFilter() {
    }

    /** The predicate for {@code filter}, or null when its operator is not supported. */
    static Predicate<CrmRecord> of(String property, JsonNode filter) {
        String operator = SimJson.text(filter, "operator");
        String value = SimJson.text(filter, "value");
        List<String> values = new ArrayList<>();
        filter.path("values").forEach(v -> values.add(v.asString()));
        if (operator == null) {
            return null;
        }
        Long valueMillis = value == null ? null : epochMillis(value);
        ToIntFunction<CrmRecord> against = r -> compare(r.properties().get(property), value, valueMillis);
        return switch (operator) {
            case "EQ" -> r -> value != null && value.equalsIgnoreCase(r.properties().get(property));
            case "NEQ" -> r -> value == null || !value.equalsIgnoreCase(r.properties().get(property));
            case "IN" -> r -> values.stream().anyMatch(v -> v.equalsIgnoreCase(r.properties().get(property)));
            case "HAS_PROPERTY" -> r -> r.properties().containsKey(property);
            case "NOT_HAS_PROPERTY" -> r -> !r.properties().containsKey(property);
            case "GT" -> r -> comparable(r, property, value) && against.applyAsInt(r) > 0;
            case "GTE" -> r -> comparable(r, property, value) && against.applyAsInt(r) >= 0;
            case "LT" -> r -> comparable(r, property, value) && against.applyAsInt(r) < 0;
            case "LTE" -> r -> comparable(r, property, value) && against.applyAsInt(r) <= 0;
            default -> null;
        };
    }

    private static boolean comparable(CrmRecord record, String property, String value) {
        return value != null && record.properties().get(property) != null;
    }

    /**
     * Orders a stored value against a filter value: as instants when both are dates (epoch milliseconds or
     * ISO-8601, as HubSpot accepts for datetime properties), else as numbers, else as text; a missing
     * stored value never matches.
     */
    static int compare(String stored, String value, Long right) {
        Long left = epochMillis(stored);
        if (left != null && right != null) {
            return Long.compare(left, right);
        }
        return stored.compareToIgnoreCase(value);
    }

    /** Epoch milliseconds of a datetime value, or null when it is not one. */
    static Long epochMillis(String value) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 19) {
            return Long.parseLong(value);
        }
        // Searches compare every stored date on every call; parsing each ISO text once keeps large searches quick.
        Long cached = PARSED.get(value);
        if (cached != null) {
            return cached;
        }
        try {
            long millis = Instant.parse(value).toEpochMilli();
            if (PARSED.size() > 200_000) {
                PARSED.clear();
            }
            PARSED.put(value, millis);
            return millis;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final java.util.Map<String, Long> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
}
