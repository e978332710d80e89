package dev.crmsync.service.wiring;

import dev.crmsync.core.spi.SimulatorProvider;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Once ready, says in a few lines where the service is, which vendors are simulated, and where to look. */
@Component
class SandboxBanner implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(SandboxBanner.class);

    private final ConnectedSystems systems;
    private final DatabaseServer database;
    private final AdminToken adminToken;
    private final SyncProperties properties;

    SandboxBanner(ConnectedSystems systems, DatabaseServer database, AdminToken adminToken, SyncProperties properties) {
        this.systems = systems;
        this.database = database;
        this.adminToken = adminToken;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
        StringBuilder banner = new StringBuilder("\n");
        banner.append("  crm-sync is up at ").append(base).append('\n');
        banner.append("  database : ").append(database.isEmbedded()
                ? "embedded PostgreSQL (fsync on), data in " + properties.database().dataDir()
                : "external PostgreSQL (SYNC_DB_URL)").append('\n');
        for (String id : systems.systemIds()) {
            SimulatorProvider.RunningSimulator sim = systems.simulators().get(id);
            banner.append("  ").append(String.format("%-9s", id)).append(": ")
                    .append(sim != null ? "SANDBOX simulator at " + sim.baseUrl() + "  (state: " + sim.baseUrl()
                            + sim.statePath() + ")"
                            : systems.isSandbox(id) ? "no credentials: receives webhooks (sandbox secret), calls no API"
                            : "live")
                    .append('\n');
        }
        banner.append("  dashboard: ").append(base).append("/  (log in with ")
                .append(adminToken.isSandboxDefault() ? "the sandbox admin token, see README" : "SYNC_ADMIN_TOKEN")
                .append(")\n");
        banner.append("  webhooks : POST ").append(base).append("/webhooks/{system}\n");
        banner.append("  trace    : GET  ").append(base).append("/admin/trace?email=...  (Bearer ")
                .append(adminToken.isSandboxDefault() ? "sandbox default token, see README" : "SYNC_ADMIN_TOKEN")
                .append(")\n");
        banner.append("  health   : GET  ").append(base).append("/actuator/health");
        log.info("{}", banner);
        if (!systems.simulators().isEmpty()) {
            log.info("Sandbox mode for {}: set their credentials to talk to the real vendors",
                    Map.copyOf(systems.simulators()).keySet());
        }
    }
}
