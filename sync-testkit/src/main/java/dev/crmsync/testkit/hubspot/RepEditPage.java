package dev.crmsync.testkit.hubspot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /_sim/rep-edit} with {@code {"email": .., "properties": {..}}}: a person edits the contact
 * in HubSpot's UI ({@link HubSpotSimulator#repEdit}), so a sandbox user can watch a rep's change flow
 * without writing Java. Not HubSpot's API: no auth, no rate limit; answers the webhook deliveries' statuses.
 */
final class RepEditPage implements HttpHandler {
    static final String PATH = "/_sim/rep-edit";

    private final BiFunction<String, Map<String, String>, List<WebhookDelivery>> repEdit;

    RepEditPage(BiFunction<String, Map<String, String>, List<WebhookDelivery>> repEdit) {
        this.repEdit = repEdit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, SimJson.object().put("message", "POST " + PATH + " with {\"email\":..,"
                        + "\"properties\":{..}}"));
                return;
            }
            JsonNode body;
            try {
                body = SimJson.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            } catch (JacksonException e) {
                send(exchange, 400, SimJson.object().put("message", "expected a JSON object, found unreadable JSON"));
                return;
            }
            String email = SimJson.text(body, "email");
            if (email == null || !body.path("properties").isObject()) {
                send(exchange, 400, SimJson.object().put("message",
                        "expected {\"email\": \"...\", \"properties\": {\"name\": \"value\"}}"));
                return;
            }
            Map<String, String> properties = new LinkedHashMap<>();
            body.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue().asString()));
            try {
                ObjectNode answer = SimJson.object();
                ArrayNode deliveries = answer.putArray("deliveries");
                repEdit.apply(email, properties).forEach(d -> deliveries.add(d.status()));
                send(exchange, 200, answer);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, SimJson.object().put("message", e.getMessage()));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = SimJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
