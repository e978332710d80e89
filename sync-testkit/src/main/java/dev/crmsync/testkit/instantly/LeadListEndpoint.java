package dev.crmsync.testkit.instantly;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v2/leads/list}: filters in the JSON body ({@code campaign}, {@code list_id},
 * {@code contacts}, {@code ids}, {@code in_campaign}, {@code search}), leads in id order, cursor
 * pagination with {@code limit} (1 to 100) and {@code starting_after}.
 */
final class LeadListEndpoint implements SimEndpoint {
    private final LeadStore leads;
    private final String workspaceId;

    LeadListEndpoint(LeadStore leads, String workspaceId) {
        this.leads = leads;
        this.workspaceId = workspaceId;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        JsonNode limitNode = body.get("limit");
        Integer limit = Pages.limit(limitNode == null || limitNode.isNull() ? null : limitNode.asString());
        if (limit == null) {
            return InstantlyErrors.badRequest("body/limit must be an integer from 1 to " + Pages.MAX_LIMIT);
        }
        List<SimulatedLead> matching = leads.all().stream().filter(filter(body)).toList();
        return SimResponse.ok(Pages.page(matching, SimulatedLead::id, lead -> lead.toJson(workspaceId),
                SimJson.text(body, "starting_after"), limit));
    }

    private static Predicate<SimulatedLead> filter(JsonNode body) {
        Predicate<SimulatedLead> filter = lead -> true;
        String campaign = SimJson.text(body, "campaign");
        if (campaign != null) {
            filter = filter.and(lead -> campaign.equals(lead.campaignId()));
        }
        String listId = SimJson.text(body, "list_id");
        if (listId != null) {
            filter = filter.and(lead -> listId.equals(lead.listId()));
        }
        Set<String> contacts = values(body, "contacts", true);
        if (contacts != null) {
            filter = filter.and(lead -> contacts.contains(lead.email()));
        }
        Set<String> ids = values(body, "ids", false);
        if (ids != null) {
            filter = filter.and(lead -> ids.contains(lead.id()));
        }
        JsonNode inCampaign = body.get("in_campaign");
        if (inCampaign != null && inCampaign.isBoolean()) {
            filter = filter.and(lead -> (lead.campaignId() != null) == inCampaign.asBoolean());
        }
        String search = SimJson.text(body, "search");
        if (search != null && !search.isBlank()) {
            String needle = search.trim().toLowerCase(Locale.ROOT);
            filter = filter.and(lead -> lead.email().contains(needle)
                    || lead.fields().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle)));
        }
        return filter;
    }

    private static Set<String> values(JsonNode body, String field, boolean lowerCase) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            return null;
        }
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(lowerCase ? LeadStore.normalise(v.asString()) : v.asString()));
        return values;
    }
}
