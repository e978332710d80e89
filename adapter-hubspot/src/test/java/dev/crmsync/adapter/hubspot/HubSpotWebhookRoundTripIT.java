package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import dev.crmsync.core.spi.Verification;
import dev.crmsync.core.spi.WebhookRequest;
import dev.crmsync.core.spi.WebhookVerifier;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.hubspot.WebhookDelivery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's webhooks over real HTTP to a tiny endpoint that does what the service does: build the
 * request as it arrived, verify it with the adapter's verifier (401 when rejected), parse and translate.
 */
class HubSpotWebhookRoundTripIT {
    private static final String SECRET = "round-trip-client-secret";
    private static final long APP_ID = 1_234_567;
    private static HubSpotSimulator simulator;
    private HttpServer endpoint;
    private HubSpotAdapter adapter;
    private final List<Verification> verifications = new ArrayList<>();
    private final List<ParsedEvent> parsed = new ArrayList<>();

    @BeforeAll
    static void startSimulator() {
        simulator = HubSpotSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void start() throws IOException {
        simulator.reset();
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/webhooks/hubspot", exchange -> {
            try (exchange) {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                URI asReached = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()
                        + exchange.getRequestURI());
                WebhookRequest request = new WebhookRequest(exchange.getRequestMethod(), asReached, headers,
                        exchange.getRequestBody().readAllBytes(), Clock.systemUTC().instant());
                int status = receive(request);
                exchange.sendResponseHeaders(status, -1);
            }
        });
        endpoint.start();
        simulator.configureWebhooks(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()
                + "/webhooks/hubspot?portal=62515&from=%2Fhubspot%3Fapp%3D1"), SECRET, APP_ID);
        adapter = AdapterFixture.adapter(simulator, Map.of());
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private synchronized int receive(WebhookRequest request) {
        WebhookVerifier verifier = adapter.webhookVerifier().orElseThrow();
        Verification verification = verifier.verify(request);
        verifications.add(verification);
        if (!verification.isVerified()) {
            return 401;
        }
        try {
            parsed.addAll(adapter.eventTranslator().orElseThrow().parse(request.body()));
            return 204;
        } catch (Exception e) {
            return 400;
        }
    }

    private synchronized List<Translation> translations() {
        EventTranslator translator = adapter.eventTranslator().orElseThrow();
        return parsed.stream().map(event -> translator.translate(event.eventType(), event.payload())).toList();
    }

    @Test
    void aRepEditIsAcceptedByTheVerifierAndTranslatedAsTheRepsChange() {
        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("lifecyclestage", "lead"));

        // then
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(204);
        assertThat(verifications).containsExactly(Verification.verified("hubspot-signature-v3"));
        assertThat(parsed).extracting(ParsedEvent::eventType).containsExactlyInAnyOrder("contact.creation",
                "contact.propertyChange", "contact.propertyChange");
        assertThat(translations()).filteredOn(t -> t instanceof Translation.Translated).singleElement()
                .satisfies(t -> assertThat(((Translation.Translated) t).changes().get(0).attributes())
                        .containsEntry("origin", "rep").containsEntry("changeSource", "CRM_UI"));
    }

    @Test
    void aWebhookSignedWithAnotherSecretIsRejectedAndRetriedByHubSpotNoMore() {
        // given
        simulator.configureWebhooks(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()
                + "/webhooks/hubspot"), "not-our-secret", APP_ID);

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(401);
        assertThat(parsed).isEmpty();
    }

    @Test
    void ourOwnWriteComesBackMarkedOursSoTheLoopCanBeBroken() {
        // given
        simulator.includeEmailInWebhooks(true);
        CommandWriter writer = adapter.commandWriter().orElseThrow();

        // when
        writer.write(List.of(OutboundItems.upsert("ann@example.com", Map.of("lifecyclestage", "salesqualifiedlead"))));
        simulator.awaitWebhooks(Duration.ofSeconds(10));
        simulator.repEdit("ann@example.com", Map.of("lifecyclestage", "opportunity"));

        // then
        List<Map<String, String>> attributes = translations().stream()
                .map(t -> ((Translation.Translated) t).changes().get(0).attributes()).toList();
        assertThat(attributes).filteredOn(a -> a.get("changeSource").equals("INTEGRATION"))
                .hasSize(3).allSatisfy(a -> assertThat(a).containsEntry("origin", "ours")
                        .containsEntry("sourceId", String.valueOf(APP_ID)));
        assertThat(attributes).filteredOn(a -> a.get("changeSource").equals("CRM_UI"))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("origin", "rep"));
        assertThat(verifications).allMatch(Verification::isVerified);
    }
}
