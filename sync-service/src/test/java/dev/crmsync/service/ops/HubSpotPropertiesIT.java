package dev.crmsync.service.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The custom HubSpot properties the mapping writes: created through {@code POST /admin/systems/hubspot/properties},
 * or at start-up with {@code HUBSPOT_CREATE_PROPERTIES=true}; a token without the schema scope is named.
 */
class HubSpotPropertiesIT {
    private HubSpotSimulator hubspot;
    private RunningService service;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        hubspot.deleteProperty("contacts", "sync_engagement_score");
        hubspot.deleteProperty("notes", "sync_activity_key");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        hubspot.close();
    }

    private HttpResponse<String> ensure(String system) throws Exception {
        return new InstantlyWebhooks(service.uri("/")).send(HttpRequest.newBuilder(
                        service.uri("/admin/systems/" + system + "/properties"))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void theAdminEndpointCreatesWhatIsMissingOnceAndReportsTheRest() throws Exception {
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));

        HttpResponse<String> first = ensure("hubspot");
        HttpResponse<String> second = ensure("hubspot");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"created\":[\"contacts.sync_engagement_score\",\"notes.sync_activity_key\"]")
                .contains("contacts.sync_lost_reason");
        assertThat(second.body()).contains("\"created\":[]").contains("contacts.sync_engagement_score");
        assertThat(hubspot.property("contacts", "sync_engagement_score")).get()
                .satisfies(p -> assertThat(p).containsEntry("type", "number"));
    }

    @Test
    void theAdminEndpointNamesTheMissingScope() throws Exception {
        hubspot.revokeScope("crm.schemas.contacts.write");
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));

        HttpResponse<String> answer = ensure("hubspot");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("crm.schemas.contacts.write").contains("sync_engagement_score");
        assertThat(ensure("no-such-system").statusCode()).isEqualTo(404);
    }

    @Test
    void startUpCreatesThemWhenConfigured() {
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.hubspot.create-properties", "true");

        service = RunningService.start(settings);

        assertThat(hubspot.property("contacts", "sync_engagement_score")).isPresent();
        assertThat(hubspot.property("notes", "sync_activity_key")).isPresent();
    }

    @Test
    void startUpFailsNamingTheScopeWhenTheTokenLacksIt() {
        hubspot.revokeScope("crm.schemas.contacts.write");
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.hubspot.create-properties", "true");

        assertThatThrownBy(() -> RunningService.start(settings).close())
                .hasStackTraceContaining("crm.schemas.contacts.write")
                .hasStackTraceContaining("HUBSPOT_CREATE_PROPERTIES");
    }
}
