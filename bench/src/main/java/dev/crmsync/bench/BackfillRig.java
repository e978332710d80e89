package dev.crmsync.bench;

import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's jar against vendor simulators in the bench JVM, on one {@link BenchDatabase}: HubSpot at
 * {@code hubspotPerTenSeconds}, Instantly at its documented workspace limit (100 requests/s and 6,000/min,
 * the simulator's defaults), Salesforce optionally. The service keeps its own default budgets, so what is
 * measured is what an operator gets. Jobs are started and watched through the admin API.
 */
final class BackfillRig implements AutoCloseable {
    static final String ADMIN_TOKEN = "bench-admin-token";
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final BenchDatabase db;
    final HubSpotSimulator hubspot = HubSpotSimulator.start();
    final InstantlySimulator instantly = InstantlySimulator.start();
    final SalesforceSimulator salesforce;
    final ServiceProcess service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param extra further settings as {@code key=value} (Spring property names), e.g. {@code sync.poll.enabled=false} */
    BackfillRig(CommonOptions common, int hubspotPerTenSeconds, boolean withSalesforce, List<String> extra) throws Exception {
        hubspot.setRateLimit(hubspotPerTenSeconds);
        instantly.setRateLimits(InstantlySimulator.DEFAULT_PER_SECOND, InstantlySimulator.DEFAULT_PER_MINUTE);
        salesforce = withSalesforce ? SalesforceSimulator.start() : null;
        BenchDatabase started = null;
        try {
            started = BenchDatabase.start();
            service = startService(common, started, extra);
        } catch (Exception | Error e) {
            closeSimulators();
            if (started != null) {
                started.close();
            }
            throw e;
        }
        db = started;
    }

    private ServiceProcess startService(CommonOptions common, BenchDatabase db, List<String> extra) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(common.serviceEnv());
        env.put("SYNC_DB_URL", db.serviceJdbcUrl());
        env.put("SYNC_DB_USER", "postgres");
        env.put("SYNC_DATA_DIR", Files.createTempDirectory("crm-sync-bench-service").toString());
        env.put("SYNC_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("INSTANTLY_WEBHOOK_SECRET", IngestBench.SECRET);
        env.put("INSTANTLY_BASE_URL", instantly.baseUrl());
        env.put("INSTANTLY_API_KEY", instantly.apiKey());
        env.put("HUBSPOT_BASE_URL", hubspot.baseUrl());
        env.put("HUBSPOT_ACCESS_TOKEN", hubspot.accessToken());
        List<String> jvm = new ArrayList<>(common.jvmOptions());
        // Without credentials the service would run a sandbox Salesforce in its own JVM and backfill into it too.
        jvm.add("-Dsync.adapters.salesforce.enabled=" + (salesforce != null));
        if (salesforce != null) {
            salesforce.adapterConfig().forEach((key, value) -> jvm.add("-Dsync.adapters.salesforce." + key + "=" + value));
        }
        extra.forEach(setting -> jvm.add("-D" + setting));
        return ServiceProcess.start(common.jar(), jvm, env, common.port);
    }

    /** {@code count} leads of a new campaign, each marked interested; returns the campaign's id. */
    String interestedLeads(String prefix, int count) {
        String campaign = instantly.addCampaign(prefix);
        for (int i = 0; i < count; i++) {
            instantly.addLeadWithInterest(prefix + i + "@leads.example", campaign, 1);
        }
        return campaign;
    }

    /** Starts a job through {@code POST /admin/jobs/{name}} and returns its execution id. */
    long startJob(String name, Map<String, Object> parameters) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", "/admin/jobs/" + name, JSON.writeValueAsString(parameters));
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("start " + name + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("executionId").asLong();
    }

    /** The execution's view once it ended (status, readCount, writeCount, ...). */
    JsonNode awaitJob(long id, Duration atMost) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = JSON.readTree(send("GET", "/admin/jobs/executions/" + id, null).body());
            if (ENDED.contains(view.path("status").asString())) {
                return view;
            }
            ServiceProcess.sleep(250);
        }
        throw new IllegalStateException("job execution " + id + " still running after " + atMost);
    }

    /** Commands of the outbox not yet sent (pending or being retried), and events not yet planned. */
    long unsent() throws Exception {
        return db.serviceLong("select (select count(*) from outbound_command where status = 'pending') "
                + "+ (select count(*) from inbound_queue)");
    }

    /** Waits until every stored event is planned and every command sent (or dead-lettered). */
    void awaitQuiet(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (unsent() > 0 && System.nanoTime() < deadline) {
            ServiceProcess.sleep(250);
        }
    }

    /** Posts one Instantly webhook as the vendor would; returns the HTTP status. */
    int webhook(String eventType, String email, Map<String, Object> extra) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("timestamp", java.time.Instant.now().toString(),
                "event_type", eventType, "workspace", instantly.workspaceId(), "campaign_id", "camp-live",
                "lead_email", email, "email_account", "sdr@sender.example"));
        body.putAll(extra);
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url("/webhooks/instantly")))
                .header("Content-Type", "application/json").header("X-Webhook-Secret", IngestBench.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        try {
            service.close();
        } finally {
            closeSimulators();
            db.close();
        }
    }

    private void closeSimulators() {
        hubspot.close();
        instantly.close();
        if (salesforce != null) {
            salesforce.close();
        }
    }
}
