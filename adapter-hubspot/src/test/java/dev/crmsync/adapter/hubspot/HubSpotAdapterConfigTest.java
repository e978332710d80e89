package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotAdapterConfigTest {
    private static final String PREFIX = "sync.adapters.hubspot.";

    private static AdapterConfig parse(Map<String, String> raw) {
        return HubSpotAdapterConfig.SPEC.parse(PREFIX, raw);
    }

    @Test
    void defaultsPointAtHubSpotWithFullBatches() {
        HubSpotAdapterConfig config = HubSpotAdapterConfig.from(parse(Map.of("access-token", "pat-na1-secret")));

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.hubapi.com"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.batchSize()).isEqualTo(100);
        assertThat(config.toString()).doesNotContain("pat-na1-secret");
    }

    @Test
    void baseUrlWithAPathIsRejected() {
        assertThatThrownBy(() -> HubSpotAdapterConfig.from(parse(Map.of("base-url", "https://api.hubapi.com/crm/v3"))))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("found path '/crm/v3'");
    }

    @Test
    void trailingSlashIsDropped() {
        assertThat(HubSpotAdapterConfig.from(parse(Map.of("base-url", "http://127.0.0.1:8080/"))).baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void batchSizeAboveHubSpotsLimitIsRejected() {
        assertThatThrownBy(() -> HubSpotAdapterConfig.from(parse(Map.of("batch-size", "101"))))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("between 1 and 100")
                .hasMessageContaining("found 101");
    }

    @Test
    void missingTokenFailsCreationNamingTheVariable() {
        HubSpotAdapterProvider provider = new HubSpotAdapterProvider();

        assertThatThrownBy(() -> provider.create(parse(Map.of()), AdapterContext.unlimited(Clock.systemUTC())))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("HUBSPOT_ACCESS_TOKEN");
    }

    @Test
    void accessTokenOrRefreshTokenAreTheCredentialsThatDecideSandboxMode() {
        assertThat(HubSpotAdapterConfig.SPEC.credentialKeys()).containsExactly("access-token", "refresh-token");
        assertThat(HubSpotAdapterConfig.SPEC.keys().get("access-token").secret()).isTrue();
        assertThat(HubSpotAdapterConfig.SPEC.keys().get("refresh-token").secret()).isTrue();
    }

    @Test
    void providerIsDiscoveredAsHubspot() {
        assertThat(AdapterRegistry.discover().get("hubspot")).isInstanceOf(HubSpotAdapterProvider.class);
    }

    @Test
    void withoutAClientSecretTheAdapterWritesAndTranslatesButAcceptsNoWebhook() {
        var adapter = new HubSpotAdapterProvider().create(parse(Map.of("access-token", "t")),
                AdapterContext.unlimited(Clock.systemUTC()));

        assertThat(adapter.systemId()).isEqualTo("hubspot");
        assertThat(adapter.commandWriter()).isPresent();
        assertThat(adapter.commandWriter().get().maxBatchSize()).isEqualTo(100);
        assertThat(adapter.webhookVerifier()).isEmpty();
        assertThat(adapter.eventTranslator()).containsInstanceOf(HubSpotEventTranslator.class);
    }

    @Test
    void clientSecretEnablesTheSignatureV3Verifier() {
        var adapter = new HubSpotAdapterProvider().create(parse(Map.of("access-token", "t", "client-secret",
                "app-secret-1")), AdapterContext.unlimited(Clock.systemUTC()));

        assertThat(adapter.webhookVerifier()).containsInstanceOf(HubSpotWebhookVerifier.class);
    }

    @Test
    void clientSecretIsASecretButNotTheCredentialThatDecidesSandboxMode() {
        HubSpotAdapterConfig config = HubSpotAdapterConfig.from(parse(Map.of("access-token", "t",
                "client-secret", "app-secret-1", "app-id", "1234567")));

        assertThat(HubSpotAdapterConfig.SPEC.keys().get("client-secret").secret()).isTrue();
        assertThat(HubSpotAdapterConfig.SPEC.credentialKeys()).doesNotContain("client-secret");
        assertThat(config.clientSecret().orElseThrow().reveal()).isEqualTo("app-secret-1");
        assertThat(config.appId()).contains(1_234_567L);
        assertThat(config.toString()).doesNotContain("app-secret-1");
        assertThat(parse(Map.of("client-secret", "app-secret-1")).toString()).doesNotContain("app-secret-1");
    }

    @Test
    void appIdIsOptionalAndMustBeAPositiveNumber() {
        assertThat(HubSpotAdapterConfig.from(parse(Map.of())).appId()).isEmpty();
        assertThat(HubSpotAdapterConfig.SPEC.validate(PREFIX, Map.of("app-id", "my-app")))
                .singleElement().asString().contains("app-id");
        assertThatThrownBy(() -> HubSpotAdapterConfig.from(parse(Map.of("app-id", "0"))))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("found 0");
    }
}
