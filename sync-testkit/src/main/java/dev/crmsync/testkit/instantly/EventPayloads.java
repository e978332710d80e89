package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds webhook bodies in the shape of Instantly's webhook events ({@code docs/instantly.md}):
 * {@code timestamp}, {@code event_type}, {@code workspace}, {@code campaign_id}, {@code campaign_name},
 * {@code lead_email}, then the lead's own data as extra top-level keys (core fields and custom
 * variables), then whatever the test adds, which wins.
 */
final class EventPayloads {
    private final LeadStore leads;
    private final CampaignStore campaigns;
    private final String workspaceId;
    private final Clock clock;

    EventPayloads(LeadStore leads, CampaignStore campaigns, String workspaceId, Clock clock) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.workspaceId = workspaceId;
        this.clock = clock;
    }

    ObjectNode build(String eventType, String leadEmail, Map<String, Object> extra) {
        ObjectNode body = SimJson.object();
        body.put("timestamp", SimJson.time(clock.instant()));
        body.put("event_type", eventType);
        body.put("workspace", workspaceId);
        Optional<SimulatedLead> lead = leadEmail == null ? Optional.empty() : first(leads.byEmail(leadEmail));
        Optional<CampaignStore.Campaign> campaign = campaigns.get(lead.map(SimulatedLead::campaignId).orElse(null));
        campaign.ifPresent(c -> {
            body.put("campaign_id", c.id());
            body.put("campaign_name", c.name());
        });
        if (leadEmail != null) {
            body.put("lead_email", LeadStore.normalise(leadEmail));
        }
        lead.ifPresent(l -> {
            l.fields().forEach(body::put);
            l.customVariables().forEach(body::put);
        });
        extra.forEach((key, value) -> body.set(key, SimJson.MAPPER.valueToTree(value)));
        return body;
    }

    private static Optional<SimulatedLead> first(List<SimulatedLead> records) {
        return records.stream().filter(l -> l.campaignId() != null).findFirst().or(() -> records.stream().findFirst());
    }
}
