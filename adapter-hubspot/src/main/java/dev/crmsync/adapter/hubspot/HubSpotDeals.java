package dev.crmsync.adapter.hubspot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Finds the people behind a deal: a {@code deal.propertyChange} webhook (a {@code dealstage} move)
 * names the deal only. Lists its associated contacts with the v4 associations API,
 * {@code GET /crm/v4/objects/deals/{dealId}/associations/contacts?limit=500}, following
 * {@code paging.next.after}. I/O within the host's rate budget, for the host to call; thread-safe.
 */
public final class HubSpotDeals {
    static final String OPERATION = "deals/associations/contacts";
    private static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 20;

    private final HubSpotClient client;

    HubSpotDeals(HubSpotClient client) {
        this.client = client;
    }

    /**
     * The ids of the contacts associated with the deal, in HubSpot's order; empty when the deal has
     * none or does not exist.
     *
     * @throws IllegalArgumentException                 when {@code dealId} is not a HubSpot id (digits)
     * @throws dev.crmsync.core.spi.AdapterException when HubSpot fails (classified as for writes)
     */
    public List<String> contactIdsOf(String dealId) {
        String path = "/crm/v4/objects/deals/" + HubSpotContacts.requireId(dealId) + "/associations/contacts?limit="
                + PAGE_SIZE;
        List<String> ids = new ArrayList<>();
        String after = null;
        int page = 0;
        do {
            HubSpotResponse response = client.get(OPERATION, after == null ? path
                    : path + "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8),
                    new CallLog());
            if (response.status() == 404) {
                return List.of();
            }
            JsonNode answer = response.requireSuccess().body();
            for (JsonNode result : answer.path("results")) {
                String id = HubSpotJson.text(result, "toObjectId");
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
            after = HubSpotJson.text(answer.path("paging").path("next"), "after");
        } while (after != null && ++page < MAX_PAGES);
        return List.copyOf(ids);
    }
}
