package dev.crmsync.testkit.instantly;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/campaigns}: list with {@code limit}, {@code starting_after}, {@code search} (by name)
 * and {@code status}; create with just a {@code name} (the rest of a real campaign, schedule and
 * sequences, is not simulated).
 */
final class CampaignEndpoints {
    private final CampaignStore campaigns;

    CampaignEndpoints(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    SimResponse list(SimRequest request) {
        Integer limit = Pages.limit(request.query().get("limit"));
        if (limit == null) {
            return InstantlyErrors.badRequest("querystring/limit must be an integer from 1 to " + Pages.MAX_LIMIT);
        }
        String search = request.query().get("search");
        String status = request.query().get("status");
        List<CampaignStore.Campaign> matching = campaigns.all().stream()
                .filter(c -> search == null || c.name().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                .filter(c -> status == null || String.valueOf(c.status()).equals(status.trim()))
                .toList();
        return SimResponse.ok(Pages.page(matching, CampaignStore.Campaign::id, CampaignStore.Campaign::toJson,
                request.query().get("starting_after"), limit));
    }

    SimResponse create(SimRequest request) {
        JsonNode body = request.jsonObject();
        String name = body == null ? null : SimJson.text(body, "name");
        if (name == null || name.isBlank()) {
            return InstantlyErrors.badRequest("body must have required property 'name'");
        }
        return SimResponse.ok(campaigns.create(name, 0).toJson());
    }
}
