package dev.crmsync.service.wiring;

import dev.crmsync.core.spi.SimulatorProvider;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In sandbox mode, once the service listens, points each simulator's webhooks at the service's own
 * {@code /webhooks/{system}} ({@code SYNC_PUBLIC_URL} when set, else the loopback address and port), so
 * a newcomer sees the whole loop: a rep's edit in the HubSpot simulator arrives signed with the sandbox
 * app's client secret, and the echoes of the service's own writes arrive and are recognised.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxWebhooks implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    private final ConnectedSystems systems;
    private final SyncProperties properties;

    SandboxWebhooks(ConnectedSystems systems, SyncProperties properties) {
        this.systems = systems;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String base = properties.publicUrl() != null && !properties.publicUrl().isBlank()
                ? properties.publicUrl().trim().replaceAll("/+$", "")
                : "http://127.0.0.1:" + event.getApplicationContext().getEnvironment()
                        .getProperty("local.server.port", "8080");
        for (Map.Entry<String, SimulatorProvider.RunningSimulator> simulator : systems.simulators().entrySet()) {
            URI endpoint = URI.create(base + "/webhooks/" + simulator.getKey());
            simulator.getValue().sendWebhooksTo(endpoint);
            log.info("{}: its sandbox simulator sends webhooks to {}", simulator.getKey(), endpoint);
        }
    }
}
