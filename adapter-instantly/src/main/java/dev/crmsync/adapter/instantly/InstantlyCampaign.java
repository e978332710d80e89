package dev.crmsync.adapter.instantly;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One Instantly campaign, as {@code GET /api/v2/campaigns} lists it.
 *
 * @param id     the campaign's id
 * @param name   its name
 * @param status 0 draft, 1 active, 2 paused, 3 completed, 4 running subsequences, negative: not sending
 *               for an account or bounce problem; null when Instantly sent none
 */
public record InstantlyCampaign(String id, String name, Integer status) {
    public InstantlyCampaign {
        Objects.requireNonNull(id, "id");
    }

    static InstantlyCampaign from(JsonNode node) {
        return new InstantlyCampaign(InstantlyJson.text(node, "id"), InstantlyJson.text(node, "name"),
                InstantlyJson.integer(node, "status"));
    }
}
