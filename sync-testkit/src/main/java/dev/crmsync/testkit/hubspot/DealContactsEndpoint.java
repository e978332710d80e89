package dev.crmsync.testkit.hubspot;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /crm/v4/objects/deals/{dealId}/associations/contacts?limit=&after=}: the deal's contacts
 * as {@code {"results":[{"toObjectId":..,"associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":3,
 * "label":null}]}],"paging":{"next":{"after":..}}}}, {@code paging} only when more remain; 404 for an
 * unknown deal. The {@code after} cursor is an offset here; HubSpot's is opaque.
 */
final class DealContactsEndpoint implements SimEndpoint {
    static final String PREFIX = "/crm/v4/objects/deals/";
    static final String SUFFIX = "/associations/contacts";
    static final int DEAL_TO_CONTACT = 3;
    private static final int MAX_LIMIT = 500;

    private final DealStore deals;

    DealContactsEndpoint(DealStore deals) {
        this.deals = deals;
    }

    static boolean matches(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            return false;
        }
        String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String id = request.path().substring(PREFIX.length(), request.path().length() - SUFFIX.length());
        Optional<List<String>> contactIds = deals.contactIds(id);
        if (contactIds.isEmpty()) {
            return SimResponse.of(404, HubSpotErrors.error("Object not found. objectId are usually numeric.",
                    "OBJECT_NOT_FOUND"));
        }
        int limit = Math.min(MAX_LIMIT, number(request.query().get("limit"), MAX_LIMIT));
        int from = number(request.query().get("after"), 0);
        List<String> all = contactIds.get();
        ObjectNode answer = SimJson.object();
        ArrayNode results = answer.putArray("results");
        for (String contactId : all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit))) {
            ObjectNode result = results.addObject();
            result.put("toObjectId", Long.parseLong(contactId));
            ObjectNode type = result.putArray("associationTypes").addObject();
            type.put("category", "HUBSPOT_DEFINED");
            type.put("typeId", DEAL_TO_CONTACT);
            type.putNull("label");
        }
        if (from + limit < all.size()) {
            answer.putObject("paging").putObject("next").put("after", String.valueOf(from + limit));
        }
        return SimResponse.of(200, answer);
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
