package dev.crmsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.AdapterRegistry;
import dev.crmsync.core.spi.SimulatorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A missing META-INF/services entry would silently drop a system: the service's class path must list them all. */
class AdapterDiscoveryTest {

    @Test
    void everyAdapterOnTheClassPathIsDiscovered() {
        assertThat(AdapterRegistry.discover().systemIds()).contains("instantly", "hubspot", "salesforce");
    }

    @Test
    void theHubSpotSimulatorIsDiscoveredForSandboxMode() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(SimulatorProvider.class).forEach(p -> ids.add(p.systemId()));
        assertThat(ids).contains("hubspot", "salesforce");
    }
}
