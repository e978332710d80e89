package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/webhooks}: list ({@code limit}, {@code starting_after}, {@code campaign},
 * {@code event_type}), create, get, patch, delete, and {@code POST /{id}/resume} for a subscription
 * disabled after failed deliveries.
 */
final class WebhookEndpoints {
    static final Set<String> EVENT_TYPES = Set.of("all_events", "email_sent", "email_opened", "email_link_clicked",
            "reply_received", "email_bounced", "lead_unsubscribed", "campaign_completed", "account_error",
            "lead_neutral", "lead_interested", "lead_not_interested", "lead_meeting_booked", "lead_meeting_completed",
            "lead_closed", "lead_out_of_office", "lead_wrong_person", "lead_no_show",
            "supersearch_enrichment_completed");

    private final WebhookStore webhooks;
    private final String workspaceId;
    private final Clock clock;

    WebhookEndpoints(WebhookStore webhooks, String workspaceId, Clock clock) {
        this.webhooks = webhooks;
        this.workspaceId = workspaceId;
        this.clock = clock;
    }

    SimResponse list(SimRequest request) {
        Integer limit = Pages.limit(request.query().get("limit"));
        if (limit == null) {
            return InstantlyErrors.badRequest("querystring/limit must be an integer from 1 to " + Pages.MAX_LIMIT);
        }
        String campaign = request.query().get("campaign");
        String eventType = request.query().get("event_type");
        List<SimulatedWebhook> matching = webhooks.all().stream()
                .filter(w -> campaign == null || campaign.equals(w.campaignId()))
                .filter(w -> eventType == null || eventType.equals(w.eventType()))
                .toList();
        return SimResponse.ok(Pages.page(matching, SimulatedWebhook::id, w -> w.toJson(workspaceId),
                request.query().get("starting_after"), limit));
    }

    SimResponse create(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        String problem = problem(body, true);
        if (problem != null) {
            return InstantlyErrors.badRequest(problem);
        }
        SimulatedWebhook webhook = new SimulatedWebhook(webhooks.nextId(), SimJson.text(body, "target_hook_url"),
                SimJson.text(body, "event_type"), SimJson.text(body, "campaign"), SimJson.text(body, "name"),
                headers(body), SimulatedWebhook.ACTIVE, null, clock.instant());
        webhooks.put(webhook);
        return SimResponse.ok(webhook.toJson(workspaceId));
    }

    SimResponse get(SimRequest request) {
        return webhooks.get(request.id()).map(w -> SimResponse.ok(w.toJson(workspaceId)))
                .orElseGet(() -> InstantlyErrors.notFound("Webhook"));
    }

    SimResponse patch(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        String problem = problem(body, false);
        if (problem != null) {
            return InstantlyErrors.badRequest(problem);
        }
        return webhooks.update(request.id(), w -> w.with(
                body.has("target_hook_url") ? SimJson.text(body, "target_hook_url") : w.targetHookUrl(),
                body.has("event_type") ? SimJson.text(body, "event_type") : w.eventType(),
                body.has("campaign") ? SimJson.text(body, "campaign") : w.campaignId(),
                body.has("name") ? SimJson.text(body, "name") : w.name(),
                body.has("headers") ? headers(body) : w.headers()))
                .map(w -> SimResponse.ok(w.toJson(workspaceId))).orElseGet(() -> InstantlyErrors.notFound("Webhook"));
    }

    SimResponse delete(SimRequest request) {
        return webhooks.delete(request.id()).map(w -> SimResponse.ok(w.toJson(workspaceId)))
                .orElseGet(() -> InstantlyErrors.notFound("Webhook"));
    }

    SimResponse resume(SimRequest request) {
        return webhooks.update(request.id(), SimulatedWebhook::resumed).map(w -> SimResponse.ok(w.toJson(workspaceId)))
                .orElseGet(() -> InstantlyErrors.notFound("Webhook"));
    }

    private static String problem(JsonNode body, boolean creating) {
        String target = SimJson.text(body, "target_hook_url");
        if (creating && target == null) {
            return "body must have required property 'target_hook_url'";
        }
        if (target != null && !target.startsWith("http://") && !target.startsWith("https://")) {
            return "body/target_hook_url must match pattern \"^https?://\"";
        }
        String eventType = SimJson.text(body, "event_type");
        if (eventType != null && !EVENT_TYPES.contains(eventType)) {
            return "body/event_type must be equal to one of the allowed values";
        }
        JsonNode headers = body.get("headers");
        if (headers != null && !headers.isNull() && !headers.isObject()) {
            return "body/headers must be object";
        }
        return null;
    }

    private static Map<String, String> headers(JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode node = body.get("headers");
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        }
        return headers;
    }
}
