package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantlyAdapterConfigTest {

    private static AdapterConfig raw(Map<String, String> values) {
        return InstantlyAdapterConfig.SPEC.parse("sync.adapters.instantly.", values);
    }

    private static Map<String, String> withSecret(String key, String value) {
        Map<String, String> values = new HashMap<>();
        values.put("webhook-secret", "whsec-1");
        values.put(key, value);
        return values;
    }

    @Test
    void defaultsToInstantlysApiAndAFiveMinuteWindow() {
        InstantlyAdapterConfig config = InstantlyAdapterConfig.from(raw(Map.of("webhook-secret", "whsec-1")));

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.instantly.ai"));
        assertThat(config.signatureTolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.webhookSecret().reveal()).isEqualTo("whsec-1");
    }

    @Test
    void declaresTheApiKeyAsACredentialAndTheWebhookSecretAsASecret() {
        assertThat(InstantlyAdapterConfig.SPEC.keys().get("api-key").credential()).isTrue();
        assertThat(InstantlyAdapterConfig.SPEC.keys().get("webhook-secret").secret()).isTrue();
        assertThat(InstantlyAdapterConfig.SPEC.keys().get("webhook-secret").credential()).isFalse();
    }

    @Test
    void missingWebhookSecretNamesTheEnvironmentVariable() {
        assertThatThrownBy(() -> InstantlyAdapterConfig.from(raw(Map.of("api-key", "k-1"))))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("INSTANTLY_WEBHOOK_SECRET");
    }

    @Test
    void baseUrlWithAPathIsRefused() {
        assertThatThrownBy(() -> InstantlyAdapterConfig.from(raw(withSecret("base-url", "https://api.instantly.ai/api/v2"))))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("scheme and host only")
                .hasMessageContaining("/api/v2");
    }

    @Test
    void simulatorUrlIsAccepted() {
        InstantlyAdapterConfig config = InstantlyAdapterConfig.from(raw(withSecret("base-url", "http://127.0.0.1:18081/")));

        assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18081/"));
    }

    @Test
    void toleranceMustBePositive() {
        assertThatThrownBy(() -> InstantlyAdapterConfig.from(raw(withSecret("signature-tolerance-seconds", "0"))))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("signature-tolerance-seconds");
    }

    @Test
    void defaultsToATenSecondTimeoutAndBatchesOfOneHundred() {
        InstantlyAdapterConfig config = InstantlyAdapterConfig.from(raw(Map.of("webhook-secret", "whsec-1")));

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.batchSize()).isEqualTo(100);
        assertThat(config.stoppedListId()).isEmpty();
    }

    @Test
    void batchSizeAboveOneLeadsListPageIsRefused() {
        assertThatThrownBy(() -> InstantlyAdapterConfig.from(raw(withSecret("batch-size", "101"))))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("batch-size must be between 1 and 100");
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> InstantlyAdapterConfig.from(raw(withSecret("timeout-ms", "0"))))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("timeout-ms");
    }

    @Test
    void writingWithoutAnApiKeyNamesTheVariable() {
        InstantlyAdapterConfig config = InstantlyAdapterConfig.from(raw(Map.of("webhook-secret", "whsec-1")));

        assertThatThrownBy(config::requireApiKey)
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("INSTANTLY_API_KEY");
    }

    @Test
    void toStringMasksBothSecrets() {
        InstantlyAdapterConfig config = InstantlyAdapterConfig.from(raw(withSecret("api-key", "key-live-42")));

        assertThat(config.toString()).doesNotContain("whsec-1").doesNotContain("key-live-42");
    }
}
