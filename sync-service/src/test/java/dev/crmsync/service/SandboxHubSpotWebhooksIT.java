package dev.crmsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.wiring.ConnectedSystems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In sandbox mode the HubSpot simulator sends its webhooks to the running service, signed as the sandbox
 * app: the echoes of the service's own writes arrive and stop, and a rep's edit made on the simulator's
 * {@code /_sim/rep-edit} page flows to the service like a real one.
 */
class SandboxHubSpotWebhooksIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ANN = "sandbox-loop@acme.example";

    @Test
    void theSandboxSimulatorsWebhooksReachTheServiceAndOurOwnWritesStopThere() throws Exception {
        String[] settings = {"--server.port=0",
                "--sync.database.data-dir=" + Files.createTempDirectory("sandbox-hubspot")};
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SyncServiceApplication.class)
                .run(settings)) {
            // given a reply, which the service writes to the HubSpot simulator
            String body = InstantlyWebhooks.event("reply_received", ANN, Instant.now(),
                    Map.of("email_id", "loop-1", "reply_text", "Sounds good"));
            HTTP.send(HttpRequest.newBuilder(uri(app, "/webhooks/instantly"))
                    .header("X-Webhook-Secret", "sandbox-webhook-secret")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            // then HubSpot's webhooks for that write come back, verified, and go no further
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    trace(app).contains("reports this change as our own write"));
            assertThat(trace(app)).contains("\"auth\":\"hubspot-signature-v3\"");

            // when a rep edits the contact on the simulator
            String simulator = app.getBean(ConnectedSystems.class).simulators().get("hubspot").baseUrl();
            HttpResponse<String> edit = HTTP.send(HttpRequest.newBuilder(URI.create(simulator + "/_sim/rep-edit"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + ANN + "\",\"properties\":"
                            + "{\"lifecyclestage\":\"salesqualifiedlead\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            // then it reaches the service as a rep's change and is planned
            assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
            assertThat(edit.body()).contains("\"deliveries\":[200]");
            await().atMost(Duration.ofSeconds(60)).until(() -> trace(app).contains("\"subject\":\"interest_value\""));
        }
    }

    private static String trace(ConfigurableApplicationContext context) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(context, "/admin/trace?email=" + ANN))
                .header("Authorization", "Bearer sandbox-admin-token").build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
    }
}
