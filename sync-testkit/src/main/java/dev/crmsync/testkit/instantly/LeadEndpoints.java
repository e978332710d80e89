package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v2/leads}: create, get, patch (whose {@code custom_variables} replaces the whole set,
 * the strict reading of an undocumented point), delete, and move to a campaign or list.
 */
final class LeadEndpoints {
    private final LeadStore leads;
    private final CampaignStore campaigns;
    private final String workspaceId;
    private final Clock clock;

    LeadEndpoints(LeadStore leads, CampaignStore campaigns, String workspaceId, Clock clock) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.workspaceId = workspaceId;
        this.clock = clock;
    }

    SimResponse create(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        String email = SimJson.text(body, "email");
        if (email == null || !email.contains("@")) {
            return InstantlyErrors.badRequest("body/email must match format \"email\"");
        }
        String campaignId = SimJson.text(body, "campaign");
        if (campaignId != null && campaigns.get(campaignId).isEmpty()) {
            return InstantlyErrors.notFound("Campaign");
        }
        try {
            Map<String, String> custom = LeadFields.custom(body);
            JsonNode interest = body.get("lt_interest_status");
            SimulatedLead lead = leads.create(email, campaignId, SimJson.text(body, "list_id"),
                    LeadFields.merged(Map.of(), LeadFields.core(body)), custom == null ? Map.of() : custom,
                    interest != null && interest.canConvertToInt() ? interest.asInt() : null);
            return SimResponse.ok(lead.toJson(workspaceId));
        } catch (IllegalArgumentException e) {
            return InstantlyErrors.badRequest(e.getMessage());
        }
    }

    SimResponse get(SimRequest request) {
        return leads.get(request.id()).map(lead -> SimResponse.ok(lead.toJson(workspaceId)))
                .orElseGet(() -> InstantlyErrors.notFound("Lead"));
    }

    SimResponse patch(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        Map<String, String> custom;
        try {
            custom = LeadFields.custom(body);
        } catch (IllegalArgumentException e) {
            return InstantlyErrors.badRequest(e.getMessage());
        }
        Map<String, String> core = LeadFields.core(body);
        JsonNode interest = body.get("lt_interest_status");
        return leads.update(request.id(), lead -> {
            SimulatedLead next = lead.withFields(LeadFields.merged(lead.fields(), core),
                    custom == null ? lead.customVariables() : custom, clock.instant());
            return interest != null && interest.canConvertToInt() ? next.withInterest(interest.asInt(), clock.instant())
                    : next;
        }).map(lead -> SimResponse.ok(lead.toJson(workspaceId))).orElseGet(() -> InstantlyErrors.notFound("Lead"));
    }

    SimResponse delete(SimRequest request) {
        return leads.delete(request.id()).map(lead -> SimResponse.ok(lead.toJson(workspaceId)))
                .orElseGet(() -> InstantlyErrors.notFound("Lead"));
    }

    /** Moves leads by id; applied at once, answered with the background job Instantly would queue. */
    SimResponse move(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        String toCampaign = SimJson.text(body, "to_campaign_id");
        String toList = SimJson.text(body, "to_list_id");
        if ((toCampaign == null) == (toList == null)) {
            return InstantlyErrors.badRequest("body must have exactly one of 'to_campaign_id' or 'to_list_id'");
        }
        if (toCampaign != null && campaigns.get(toCampaign).isEmpty()) {
            return InstantlyErrors.notFound("Campaign");
        }
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(id -> ids.add(id.asString()));
        if (ids.isEmpty()) {
            return InstantlyErrors.badRequest("body/ids must NOT have fewer than 1 items");
        }
        for (String id : Set.copyOf(ids)) {
            leads.update(id, lead -> lead.movedTo(toCampaign, toList, clock.instant()));
        }
        ObjectNode job = SimJson.object();
        job.put("id", UUID.randomUUID().toString());
        job.put("workspace_id", workspaceId);
        job.put("type", "move-leads");
        job.put("entity_type", toList != null ? "list" : "campaign");
        job.put("entity_id", toList != null ? toList : toCampaign);
        job.put("progress", 100);
        job.put("status", "success");
        job.put("created_at", SimJson.time(clock.instant()));
        job.put("updated_at", SimJson.time(clock.instant()));
        return SimResponse.ok(job);
    }
}
