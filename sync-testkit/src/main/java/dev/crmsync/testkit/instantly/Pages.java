package dev.crmsync.testkit.instantly;

import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Instantly's list envelope: {@code {"items": [...], "next_starting_after": "<last id>"}}, items in id
 * order after the {@code starting_after} cursor. The cursor is sent only when more items follow.
 */
final class Pages {
    static final int MAX_LIMIT = 100;

    private Pages() {
    }

    /** The limit asked for (default {@value #MAX_LIMIT}), or null when it is not a number from 1 to 100. */
    static Integer limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <T> ObjectNode page(List<T> sorted, Function<T, String> id, Function<T, JsonNode> json,
                               String startingAfter, int limit) {
        ObjectNode body = SimJson.object();
        ArrayNode items = body.putArray("items");
        List<T> after = startingAfter == null ? sorted
                : sorted.stream().filter(item -> id.apply(item).compareTo(startingAfter) > 0).toList();
        List<T> page = after.subList(0, Math.min(limit, after.size()));
        page.forEach(item -> items.add(json.apply(item)));
        if (after.size() > page.size()) {
            body.put("next_starting_after", id.apply(page.get(page.size() - 1)));
        }
        return body;
    }
}
