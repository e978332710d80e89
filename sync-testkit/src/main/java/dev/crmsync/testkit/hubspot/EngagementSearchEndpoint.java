package dev.crmsync.testkit.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /crm/v3/objects/<notes|tasks>/search}: filter groups are OR-ed, the filters inside a group
 * AND-ed; operators EQ, NEQ, IN, HAS_PROPERTY and NOT_HAS_PROPERTY; at most 5 groups, 6 filters per
 * group and 18 in all; {@code limit} up to 200, paged with {@code after}. Unlike HubSpot's index,
 * a note or task is searchable as soon as it is created.
 */
final class EngagementSearchEndpoint implements SimEndpoint {
    private static final List<String> DEFAULT_PROPERTIES = List.of("hs_createdate", "hs_lastmodifieddate",
            "hs_object_id");

    private final EngagementInput.Kind kind;
    private final CrmStore store;
    private final PropertySchema schema;

    EngagementSearchEndpoint(EngagementInput.Kind kind, CrmStore store, PropertySchema schema) {
        this.kind = kind;
        this.store = store;
        this.schema = schema;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return invalid("Invalid input JSON: expected a search request object");
        }
        JsonNode groups = body.path("filterGroups");
        int total = 0;
        List<Predicate<CrmRecord>> anyOf = new ArrayList<>();
        if (groups.size() > 5) {
            return invalid("Too many filter groups: " + groups.size() + "; the limit is 5");
        }
        for (JsonNode group : groups) {
            JsonNode filters = group.path("filters");
            total += filters.size();
            if (filters.size() > 6 || total > 18) {
                return invalid("Too many filters: at most 6 per group and 18 in all");
            }
            Predicate<CrmRecord> allOf = record -> true;
            for (JsonNode filter : filters) {
                String property = SimJson.text(filter, "propertyName");
                if (property == null || schema.find(kind.objectType, property).isEmpty()) {
                    return invalid("Property \"" + property + "\" does not exist on " + kind.objectType);
                }
                Predicate<CrmRecord> test = SearchFilter.of(property, filter);
                if (test == null) {
                    return invalid("Unsupported operator " + SimJson.text(filter, "operator"));
                }
                allOf = allOf.and(test);
            }
            anyOf.add(allOf);
        }
        Predicate<CrmRecord> matches = anyOf.isEmpty() ? r -> true : anyOf.stream().reduce(r -> false, Predicate::or);
        List<CrmRecord> found = store.engagements(kind.objectType).stream().filter(matches).toList();
        int limit = Math.max(1, Math.min(200, body.path("limit").asInt(10)));
        int after = parseAfter(SimJson.text(body, "after"));
        Set<String> shown = new LinkedHashSet<>(DEFAULT_PROPERTIES);
        body.path("properties").forEach(p -> shown.add(p.asString()));
        ObjectNode answer = SimJson.object();
        answer.put("total", found.size());
        ArrayNode results = answer.putArray("results");
        found.stream().skip(after).limit(limit).forEach(note -> results.add(note.toJson(shown)));
        if (after + limit < found.size()) {
            answer.putObject("paging").putObject("next").put("after", String.valueOf(after + limit));
        }
        return SimResponse.of(200, answer);
    }

    private static int parseAfter(String after) {
        try {
            return after == null ? 0 : Math.max(0, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static SimResponse invalid(String message) {
        return SimResponse.of(400, HubSpotErrors.error(message, "VALIDATION_ERROR"));
    }
}
