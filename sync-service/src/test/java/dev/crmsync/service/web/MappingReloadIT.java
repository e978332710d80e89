package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reload swaps in a valid mapping; a bad edit is refused with every problem and the good mapping stays in force. */
class MappingReloadIT {
    private static final String GOOD = """
            version: 1
            systems: [instantly, hubspot]
            statuses:
              replied:
                instantly: { on: [reply_received] }
                hubspot: { set: { lifecyclestage: lead } }
            """;

    @Test
    void badEditIsRefusedWithItsProblemsAndGoodEditIsSwappedIn() throws Exception {
        Path file = Files.createTempFile("mapping", ".yaml");
        Files.writeString(file, new String(getClass().getResourceAsStream(
                "/dev/crmsync/service/spine/HubSpotOutageIT.yaml").readAllBytes()));
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            settings.put("sync.mappings", file.toString());
            try (RunningService service = RunningService.start(settings)) {
                InstantlyWebhooks http = new InstantlyWebhooks(service.uri("/webhooks/instantly"));

                Files.writeString(file, GOOD.replace("hubspot: { set", "hubspt: { set"));
                HttpResponse<String> refused = http.send(admin(service, "/admin/mappings/reload")
                        .POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(refused.statusCode()).isEqualTo(422);
                assertThat(refused.body()).contains(file.getFileName().toString() + ":6:5").contains("hubspt");
                String inForce = http.send(admin(service, "/admin/mappings").GET()).body();
                assertThat(inForce).contains("wrong_person");

                Files.writeString(file, GOOD);
                HttpResponse<String> reloaded = http.send(admin(service, "/admin/mappings/reload")
                        .POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(reloaded.statusCode()).isEqualTo(200);
                assertThat(http.send(admin(service, "/admin/mappings").GET()).body())
                        .contains("\"statuses\":[\"replied\"]");

                HttpResponse<String> checked = http.send(admin(service, "/admin/mappings/validate")
                        .POST(HttpRequest.BodyPublishers.ofString("version: 1\nsystems: [instantly]\n")));
                assertThat(checked.statusCode()).isEqualTo(422);
                assertThat(checked.body()).contains("statuses");
            }
        }
    }

    private static HttpRequest.Builder admin(RunningService service, String path) {
        return HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN);
    }
}
