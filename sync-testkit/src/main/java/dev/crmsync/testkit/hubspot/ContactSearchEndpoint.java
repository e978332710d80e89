package dev.crmsync.testkit.hubspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /crm/v3/objects/contacts/search}: filter groups OR-ed, filters AND-ed (EQ, NEQ, IN,
 * HAS_PROPERTY, NOT_HAS_PROPERTY, GT, GTE, LT, LTE; dates as epoch milliseconds), one sort
 * ({@code lastmodifieddate}, {@code createdate} or {@code hs_object_id}, ascending or descending),
 * {@code limit} up to 200, paged with {@code after}. Like HubSpot, a query reads at most
 * {@value #MAX_RESULTS} results: {@code total} still counts them all, but asking for a page at or past
 * the cap answers 400.
 */
final class ContactSearchEndpoint implements SimEndpoint {
    static final int MAX_RESULTS = 10_000;
    private static final List<String> DEFAULT_PROPERTIES = List.of("createdate", "email", "firstname",
            "hs_object_id", "lastmodifieddate", "lastname");
    private static final Set<String> SORTABLE = Set.of("lastmodifieddate", "createdate", "hs_object_id");

    private final CrmStore store;
    private final PropertySchema schema;

    ContactSearchEndpoint(CrmStore store, PropertySchema schema) {
        this.store = store;
        this.schema = schema;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return invalid("Invalid input JSON: expected a search request object");
        }
        List<Predicate<CrmRecord>> anyOf = new ArrayList<>();
        for (JsonNode group : body.path("filterGroups")) {
            Predicate<CrmRecord> allOf = record -> true;
            for (JsonNode filter : group.path("filters")) {
                String property = SimJson.text(filter, "propertyName");
                if (property == null || schema.find("contacts", property).isEmpty()) {
                    return invalid("Property \"" + property + "\" does not exist on contacts");
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
        Comparator<CrmRecord> order = order(body.path("sorts"));
        if (order == null) {
            return invalid("Sorting is supported on " + SORTABLE + " only");
        }
        List<CrmRecord> found = store.contacts().stream().filter(matches).sorted(order).toList();
        int limit = Math.max(1, Math.min(200, body.path("limit").asInt(10)));
        int after = parseAfter(SimJson.text(body, "after"));
        if (after >= MAX_RESULTS) {
            return invalid("Paging past " + MAX_RESULTS + " results is not supported; the query matched "
                    + found.size() + " records. Narrow it with filters.");
        }
        Set<String> shown = new LinkedHashSet<>(DEFAULT_PROPERTIES);
        body.path("properties").forEach(p -> shown.add(p.asString()));
        ObjectNode answer = SimJson.object();
        answer.put("total", found.size());
        ArrayNode results = answer.putArray("results");
        int end = Math.min(Math.min(after + limit, found.size()), MAX_RESULTS);
        found.subList(Math.min(after, found.size()), end).forEach(contact -> results.add(contact.toJson(shown)));
        if (end < found.size()) {
            answer.putObject("paging").putObject("next").put("after", String.valueOf(end));
        }
        return SimResponse.of(200, answer);
    }

    private static Comparator<CrmRecord> order(JsonNode sorts) {
        Comparator<CrmRecord> byId = Comparator.comparingLong(r -> Long.parseLong(r.id()));
        if (sorts.isEmpty()) {
            return byId;
        }
        JsonNode sort = sorts.get(0);
        String property = sort.isString() ? sort.asString() : SimJson.text(sort, "propertyName");
        if (property == null || !SORTABLE.contains(property)) {
            return null;
        }
        Comparator<CrmRecord> comparator = property.equals("hs_object_id") ? byId
                : Comparator.<CrmRecord, Long>comparing(r -> SearchFilter.epochMillis(r.properties()
                        .getOrDefault(property, "0"))).thenComparing(byId);
        return "DESCENDING".equalsIgnoreCase(SimJson.text(sort, "direction")) ? comparator.reversed() : comparator;
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
