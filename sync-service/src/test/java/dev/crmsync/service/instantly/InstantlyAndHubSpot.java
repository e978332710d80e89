package dev.crmsync.service.instantly;

import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service between both simulators, as in production: Instantly's webhook sender posts to the
 * service (or to {@code webhookTarget}), the service writes to HubSpot and to Instantly's API, and
 * HubSpot's webhooks for those writes come back to the service.
 */
public final class InstantlyAndHubSpot implements AutoCloseable {
    /** The HubSpot properties the default mapping writes for Instantly events. */
    public static final Set<String> MAPPED_PROPERTIES = Set.of("lifecyclestage", "hs_lead_status", "sync_lost_reason",
            "sync_do_not_contact", "sync_suppression_reason", "sync_engagement_score");
    private static final String HUBSPOT_CLIENT_SECRET = "hs-app-client-secret";
    private static final long HUBSPOT_APP_ID = 777_001L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final HubSpotSimulator hubspot = HubSpotSimulator.start();
    public final InstantlySimulator instantly = InstantlySimulator.start();
    public final RunningService service;
    public final String campaignId;
    private final InstantlyWebhooks http;

    public InstantlyAndHubSpot() {
        this(Map.of());
    }

    /** @param extra service settings added to (or replacing) the usual test ones */
    public InstantlyAndHubSpot(Map<String, Object> extra) {
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.hubspot.client-secret", HUBSPOT_CLIENT_SECRET);
        settings.put("sync.adapters.hubspot.app-id", Long.toString(HUBSPOT_APP_ID));
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        settings.putAll(extra);
        service = RunningService.start(settings);
        hubspot.configureWebhooks(service.uri("/webhooks/hubspot"), HUBSPOT_CLIENT_SECRET, HUBSPOT_APP_ID);
        campaignId = instantly.addCampaign("Q4 outbound");
        http = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
    }

    /** Instantly's endpoint of the service. */
    public URI webhookEndpoint() {
        return service.uri("/webhooks/instantly");
    }

    /** Subscribes {@code target} to every Instantly event, with the service's secret header. */
    public void subscribe(URI target) {
        instantly.addWebhook(target.toString(), "all_events", Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET));
    }

    /** A lead in the campaign, so Instantly's events carry the campaign and the lead's data. */
    public void addLead(String email) {
        instantly.addLead(email, campaignId);
    }

    /** Posts a body straight to the service, as Instantly's sender does. */
    public int post(String body) throws Exception {
        return http.post(body).statusCode();
    }

    /** Waits until every stored event is planned, every command sent and HubSpot's echoes are in and planned. */
    public void settle() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            hubspot.awaitWebhooks(Duration.ofSeconds(5));
            return service.isDrained();
        });
    }

    /** The contact's properties the default mapping writes, blanks left out; empty when there is no contact. */
    public Map<String, String> mappedProperties(String email) {
        return hubspot.contact(email).orElse(Map.of()).entrySet().stream()
                .filter(e -> MAPPED_PROPERTIES.contains(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The person's trace timeline, as an operator reads it from {@code /admin/trace}. */
    public List<JsonNode> trace(String email) throws Exception {
        String body = http.send(HttpRequest.newBuilder(service.uri("/admin/trace?email=" + email))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).GET()).body();
        List<JsonNode> timeline = new ArrayList<>();
        JSON.readTree(body).path("timeline").forEach(timeline::add);
        return timeline;
    }

    /** How many Instantly events of this person the service stored. */
    public int storedEvents(String email) {
        return service.jdbc().queryForObject("select count(*) from inbound_event where source = 'instantly' and email = ?",
                Integer.class, email);
    }

    /** Block-list calls Instantly received, single or bulk. */
    public int blockListWrites() {
        Map<String, Integer> calls = instantly.requestsByOperation();
        return calls.getOrDefault("block-lists-entries/create", 0)
                + calls.getOrDefault("block-lists-entries/bulk-create", 0);
    }

    @Override
    public void close() {
        service.close();
        instantly.close();
        hubspot.close();
    }
}
