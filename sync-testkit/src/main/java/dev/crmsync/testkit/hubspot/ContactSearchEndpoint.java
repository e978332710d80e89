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
        Comparator<Keyed> order = order(body.path("sorts"));
        if (order == null) {
            return invalid("Sorting is supported on " + SORTABLE + " only");
        }
        String sortProperty = sortProperty(body.path("sorts"));
        List<CrmRecord> found = store.contacts().stream().filter(matches)
                .map(r -> new Keyed(r, key(r, sortProperty))).sorted(order).map(Keyed::record).toList();
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

    /** A record with its sort key worked out once, not on every comparison. */
    private record Keyed(CrmRecord record, long key, long id) {
        Keyed(CrmRecord record, long key) {
            this(record, key, Long.parseLong(record.id()));
        }
    }

    private static String sortProperty(JsonNode sorts) {
        if (sorts.isEmpty()) {
            return "hs_object_id";
        }
        JsonNode sort = sorts.get(0);
        return sort.isString() ? sort.asString() : SimJson.text(sort, "propertyName");
    }

    private static long key(CrmRecord record, String property) {
        if (property.equals("hs_object_id")) {
            return Long.parseLong(record.id());
        }
        Long millis = SearchFilter.epochMillis(record.properties().getOrDefault(property, "0"));
        return millis == null ? 0 : millis;
    }

    private static Comparator<Keyed> order(JsonNode sorts) {
        String property = sortProperty(sorts);
        if (property == null || !SORTABLE.contains(property)) {
            return null;
        }
        Comparator<Keyed> comparator = Comparator.comparingLong(Keyed::key).thenComparingLong(Keyed::id);
        boolean descending = !sorts.isEmpty() && "DESCENDING".equalsIgnoreCase(SimJson.text(sorts.get(0), "direction"));
        return descending ? comparator.reversed() : comparator;
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
