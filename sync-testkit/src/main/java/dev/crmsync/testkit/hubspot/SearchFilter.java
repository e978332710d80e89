package dev.crmsync.testkit.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
        return switch (operator) {
            case "EQ" -> r -> value != null && value.equalsIgnoreCase(r.properties().get(property));
            case "NEQ" -> r -> value == null || !value.equalsIgnoreCase(r.properties().get(property));
            case "IN" -> r -> values.stream().anyMatch(v -> v.equalsIgnoreCase(r.properties().get(property)));
            case "HAS_PROPERTY" -> r -> r.properties().containsKey(property);
            case "NOT_HAS_PROPERTY" -> r -> !r.properties().containsKey(property);
            default -> null;
        };
    }
}
