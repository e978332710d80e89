package dev.crmsync.testkit.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.SimulatorProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InstantlySimulatorProviderTest {

    @Test
    void serviceLoaderFindsTheProviderAndItStartsASimulatorTheAdapterCanUse() {
        // given
        SimulatorProvider provider = ServiceLoader.load(SimulatorProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.systemId().equals("instantly")).findFirst()
                .orElseThrow();

        // when
        try (SimulatorProvider.RunningSimulator running = provider.start(0)) {
            // then
            assertThat(running.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(running.adapterConfig()).containsEntry("base-url", running.baseUrl())
                    .containsEntry("api-key", "sim-instantly-key");
            assertThat(running.statePath()).isEqualTo("/_sim/state");
            assertThat(new SimHttp(running.baseUrl(), null).get(running.statePath()).status()).isEqualTo(200);
        }
    }

    @Test
    void theHubSpotProviderIsStillListed() {
        assertThat(ServiceLoader.load(SimulatorProvider.class).stream().map(p -> p.get().systemId()))
                .contains("hubspot", "instantly");
    }
}
