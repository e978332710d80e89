package dev.crmsync.service.wiring;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.SimulatorProvider;
import dev.crmsync.core.spi.WebhookSubscriptions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * app's client secret, and the echoes of the service's own writes arrive and are recognised. A system whose
 * adapter manages its subscriptions through the vendor's API (Instantly) is subscribed through it, with its
 * webhook secret, as {@code POST /admin/webhooks/{system}/sync} would; the others are told directly
 * ({@link SimulatorProvider.RunningSimulator#sendWebhooksTo}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxWebhooks implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);
    private static final String ALL_EVENTS = "all_events";

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
            String id = simulator.getKey();
            if (systems.verifier(id).isEmpty()) {
                continue; // a polled system (Salesforce) sends no webhooks
            }
            URI endpoint = URI.create(base + "/webhooks/" + id);
            try {
                Optional<WebhookSubscriptions> subscriptions = systems.webhookSubscriptions(id);
                Optional<Secret> secret = systems.webhookSecret(id);
                if (subscriptions.isPresent() && secret.isPresent()) {
                    // A vendor whose API manages subscriptions (Instantly) is subscribed as an operator would.
                    subscriptions.get().sync(endpoint, List.of(ALL_EVENTS), secret.get());
                } else {
                    simulator.getValue().sendWebhooksTo(endpoint);
                }
                log.info("{}: its sandbox simulator sends webhooks to {}", id, endpoint);
            } catch (RuntimeException e) {
                log.warn("{}: its sandbox simulator could not be pointed at {}: {}", id, endpoint, e.toString());
            }
        }
    }
}
