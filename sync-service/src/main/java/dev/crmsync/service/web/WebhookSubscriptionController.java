package dev.crmsync.service.web;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.WebhookSubscriptions;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.SyncProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /admin/webhooks/{system}/sync} with an optional JSON body {@code {"endpoint": "...",
 * "eventTypes": [...]}} makes the system deliver those events to that endpoint with the system's
 * configured webhook secret. Defaults: {@code SYNC_PUBLIC_URL + "/webhooks/{system}"} and
 * {@value #ALL_EVENTS}. Safe to repeat: a second call changes nothing. 404 for a system whose adapter
 * does not manage subscriptions (or has no API key); 400 when no endpoint can be determined.
 */
@RestController
class WebhookSubscriptionController {
    static final String ALL_EVENTS = "all_events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectedSystems systems;
    private final SyncProperties properties;

    WebhookSubscriptionController(ConnectedSystems systems, SyncProperties properties) {
        this.systems = systems;
        this.properties = properties;
    }

    @PostMapping("/admin/webhooks/{system}/sync")
    ResponseEntity<Map<String, Object>> sync(@PathVariable("system") String system,
                                             @RequestBody(required = false) byte[] body) {
        Optional<WebhookSubscriptions> subscriptions = systems.webhookSubscriptions(system);
        if (subscriptions.isEmpty()) {
            return ErrorBody.of(HttpStatus.NOT_FOUND, "no_webhook_subscriptions", "'" + system
                    + "' does not manage webhook subscriptions here (unknown system, or no API key); systems that do: "
                    + systems.allWebhookSubscriptions().keySet());
        }
        Optional<Secret> secret = systems.webhookSecret(system);
        if (secret.isEmpty()) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "no_webhook_secret",
                    "'" + system + "' has no webhook secret configured; set it before subscribing");
        }
        JsonNode request;
        try {
            request = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "malformed_body",
                    "send JSON such as {\"endpoint\": \"https://sync.example.com/webhooks/" + system
                            + "\", \"eventTypes\": [\"all_events\"]}, or no body for the defaults");
        }
        if (!request.isObject()) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "malformed_body", "the body must be a JSON object");
        }
        String endpoint = text(request.get("endpoint"));
        if (endpoint == null) {
            String publicUrl = properties.publicUrl();
            if (publicUrl == null || publicUrl.isBlank()) {
                return ErrorBody.of(HttpStatus.BAD_REQUEST, "no_endpoint", "no endpoint to subscribe: send "
                        + "{\"endpoint\": \"https://.../webhooks/" + system + "\"} or set SYNC_PUBLIC_URL");
            }
            endpoint = publicUrl.trim().replaceAll("/+$", "") + "/webhooks/" + system;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "bad_endpoint", "endpoint is not a URL: " + e.getMessage());
        }
        List<String> eventTypes = new ArrayList<>();
        JsonNode types = request.get("eventTypes");
        if (types != null && !types.isNull()) {
            if (!types.isArray()) {
                return ErrorBody.of(HttpStatus.BAD_REQUEST, "bad_event_types", "eventTypes must be an array of strings");
            }
            types.forEach(t -> eventTypes.add(text(t)));
        }
        if (eventTypes.isEmpty()) {
            eventTypes.add(ALL_EVENTS);
        }
        if (eventTypes.contains(null)) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "bad_event_types", "eventTypes must be non-blank strings");
        }
        WebhookSubscriptions.SyncReport report;
        try {
            report = subscriptions.get().sync(uri, eventTypes, secret.get());
        } catch (IllegalArgumentException e) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
        } catch (AdapterException e) {
            return ErrorBody.of(HttpStatus.BAD_GATEWAY, "vendor_error",
                    "'" + system + "' refused or failed the call; rerun to continue: " + e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("system", system);
        answer.put("endpoint", uri.toString());
        answer.put("eventTypes", eventTypes);
        answer.put("created", report.created());
        answer.put("updated", report.updated());
        answer.put("unchanged", report.unchanged());
        answer.put("leftAlone", report.leftAlone());
        answer.put("changedNothing", report.changedNothing());
        return ResponseEntity.ok(answer);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isString() || node.asString().isBlank()) {
            return null;
        }
        return node.asString().trim();
    }
}
