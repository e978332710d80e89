package dev.crmsync.service;

import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole service in this JVM, on a fresh database, talking to a HubSpot simulator over HTTP. */
public final class RunningService implements AutoCloseable {
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String ADMIN_TOKEN = "test-admin-token";

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Settings for a service on {@code db} writing to {@code hubspot}, with fast retries; {@code extra} overrides. */
    public static Map<String, Object> settings(TestDatabase.Db db, HubSpotSimulator hubspot) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("sync.database.url", db.url());
        p.put("sync.database.user", db.user());
        p.put("sync.database.password", db.password());
        p.put("sync.admin-token", ADMIN_TOKEN);
        p.put("sync.adapters.instantly.webhook-secret", WEBHOOK_SECRET);
        p.put("sync.adapters.hubspot.base-url", hubspot.baseUrl());
        p.put("sync.adapters.hubspot.access-token", hubspot.accessToken());
        // Tests written for Instantly and HubSpot run without Salesforce; Salesforce tests turn it on.
        p.put("sync.adapters.salesforce.enabled", "false");
        p.put("sync.dispatch.initial-backoff", "50ms");
        p.put("sync.dispatch.max-backoff", "400ms");
        p.put("sync.dispatch.poll-interval", "200ms");
        p.put("sync.rate-limits.hubspot.requests", "1000");
        p.put("sync.rate-limits.hubspot.period", "1s");
        return p;
    }

    public static RunningService start(Map<String, Object> settings) {
        // As command-line arguments: they outrank application.yaml, as an operator's settings do.
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SyncServiceApplication.class).run(args);
        return new RunningService(context);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** A bean of the running service, for tests that drive a scheduled task by hand. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every bean of a type, by name. */
    public <T> Map<String, T> beans(Class<T> type) {
        return context.getBeansOfType(type);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** True when every stored event was planned and every command was sent or dead-lettered. */
    public boolean isDrained() {
        Integer queued = jdbc().queryForObject("select count(*) from inbound_queue", Integer.class);
        Integer pending = jdbc().queryForObject("select count(*) from outbound_command where status = 'pending'",
                Integer.class);
        return queued == 0 && pending == 0;
    }

    @Override
    public void close() {
        context.close();
    }
}
