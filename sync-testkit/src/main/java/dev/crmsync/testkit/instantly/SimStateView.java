package dev.crmsync.testkit.instantly;

import dev.crmsync.testkit.http.RequestCounters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code GET /_sim/state} page: counts, leads by e-mail, block list, campaigns and webhook subscriptions (headers by name only). */
final class SimStateView {
    private SimStateView() {
    }

    static JsonNode render(LeadStore leads, CampaignStore campaigns, BlockList blockList, WebhookStore webhooks,
                           RequestCounters counters, int deliveries) {
        ObjectNode state = SimJson.object();
        state.put("leads", leads.all().size());
        state.put("campaigns", campaigns.all().size());
        state.put("blockListEntries", blockList.size());
        state.put("webhooks", webhooks.all().size());
        state.put("deliveries", deliveries);
        state.put("requests", counters.total());
        state.put("rateLimited", counters.rateLimitedCount());
        ObjectNode byOperation = state.putObject("requestsByOperation");
        counters.byOperation().forEach(byOperation::put);
        ObjectNode people = state.putObject("people");
        for (SimulatedLead lead : leads.all()) {
            ArrayNode records = people.has(lead.email()) ? (ArrayNode) people.get(lead.email())
                    : people.putArray(lead.email());
            ObjectNode record = records.addObject();
            record.put("id", lead.id());
            record.put("campaign", lead.campaignId());
            record.put("list_id", lead.listId());
            record.put("status", lead.status());
            record.put("lt_interest_status", lead.interestStatus());
            record.put("interestUpdates", leads.interestUpdates(lead.email()));
            ObjectNode custom = record.putObject("custom_variables");
            lead.customVariables().forEach(custom::put);
        }
        ArrayNode blocked = state.putArray("blockList");
        blockList.all().forEach(entry -> blocked.add(entry.value()));
        ArrayNode campaignList = state.putArray("campaignList");
        campaigns.all().forEach(c -> campaignList.add(c.toJson()));
        ArrayNode hooks = state.putArray("webhookList");
        for (SimulatedWebhook webhook : webhooks.all()) {
            ObjectNode hook = hooks.addObject();
            hook.put("id", webhook.id());
            hook.put("target_hook_url", webhook.targetHookUrl());
            hook.put("event_type", webhook.eventType());
            hook.put("status", webhook.status());
            hook.put("timestamp_error", SimJson.time(webhook.timestampError()));
            ArrayNode headerNames = hook.putArray("headers");
            webhook.headers().keySet().forEach(headerNames::add);
        }
        return state;
    }
}
