package dev.crmsync.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Once any vendor has real credentials, the sandbox's documented secrets no longer apply: a configured
 * system missing its secret, or a missing admin token, stops start-up with the variable's name.
 */
class ProductionSettingsIT {

    @Test
    void refusesToStartWithInstantlyConfiguredButNoWebhookSecret() {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            settings.remove("sync.adapters.instantly.webhook-secret");
            settings.put("sync.adapters.instantly.api-key", "a-real-looking-key");
            assertThatThrownBy(() -> RunningService.start(settings).close())
                    .hasStackTraceContaining("INSTANTLY_WEBHOOK_SECRET");
        }
    }

    @Test
    void refusesToStartWithAVendorCredentialButNoAdminToken() {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            settings.remove("sync.admin-token");
            assertThatThrownBy(() -> RunningService.start(settings).close())
                    .hasStackTraceContaining("SYNC_ADMIN_TOKEN is not set");
        }
    }
}
