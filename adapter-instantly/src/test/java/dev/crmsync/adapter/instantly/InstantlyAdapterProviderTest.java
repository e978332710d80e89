package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterProvider;
import dev.crmsync.core.spi.AdapterRegistry;
import dev.crmsync.core.spi.SystemAdapter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantlyAdapterProviderTest {
    private final AdapterProvider provider = new InstantlyAdapterProvider();
    private final AdapterContext context = AdapterContext.unlimited(Clock.systemUTC());

    private AdapterConfig config(Map<String, String> values) {
        return provider.configSpec().parse("sync.adapters.instantly.", values);
    }

    @Test
    void isDiscoveredThroughItsServiceFile() {
        AdapterProvider found = AdapterRegistry.discover().get("instantly");

        assertThat(found).isInstanceOf(InstantlyAdapterProvider.class);
    }

    @Test
    void withoutAnApiKeyTheAdapterVerifiesAndTranslatesButDoesNotWrite() {
        SystemAdapter adapter = provider.create(config(Map.of("webhook-secret", "whsec-1")), context);

        assertThat(adapter.systemId()).isEqualTo("instantly");
        assertThat(adapter.webhookVerifier()).containsInstanceOf(InstantlyWebhookVerifier.class);
        assertThat(adapter.eventTranslator()).containsInstanceOf(InstantlyEventTranslator.class);
        assertThat(adapter.commandWriter()).isEmpty();
        assertThat(adapter.webhookSubscriptions()).isEmpty();
    }

    @Test
    void adapterWritesWhenAnApiKeyIsSet() {
        SystemAdapter adapter = provider.create(config(Map.of("webhook-secret", "whsec-1", "api-key", "key-1")), context);

        assertThat(adapter.commandWriter()).containsInstanceOf(InstantlyCommandWriter.class);
        assertThat(adapter.webhookSubscriptions()).containsInstanceOf(InstantlyWebhookSubscriptions.class);
        assertThat(adapter.webhookVerifier()).isPresent();
    }

    @Test
    void creatingWithoutWebhookSecretFailsNamingTheVariable() {
        assertThatThrownBy(() -> provider.create(config(Map.of()), context))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("INSTANTLY_WEBHOOK_SECRET");
    }
}
