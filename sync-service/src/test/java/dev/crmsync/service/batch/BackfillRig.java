package dev.crmsync.service.batch;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Both simulators and services on one database, the services reading Instantly's leads and writing to
 * HubSpot within a budget of 90% of HubSpot's ceiling, as production is configured.
 */
final class BackfillRig implements AutoCloseable {
    /** HubSpot's ceiling in the simulator, per 10 seconds. */
    static final int HUBSPOT_CEILING = 500;

    final HubSpotSimulator hubspot = HubSpotSimulator.start();
    final InstantlySimulator instantly = InstantlySimulator.start();
    final TestDatabase.Db db = TestDatabase.fresh();
    final List<RunningService> services = new ArrayList<>();

    BackfillRig() {
        hubspot.setRateLimit(HUBSPOT_CEILING);
        instantly.setRateLimits(1_000, 60_000);
    }

    Map<String, Object> settings() {
        Map<String, Object> settings = RunningService.settings(db, hubspot);
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        settings.put("sync.rate-limits.hubspot.requests", Integer.toString(HUBSPOT_CEILING * 9 / 10));
        settings.put("sync.rate-limits.hubspot.period", "10s");
        settings.put("sync.rate-limits.instantly.requests", "500");
        settings.put("sync.rate-limits.instantly.period", "1s");
        settings.put("sync.batch.heartbeat", "500ms");
        settings.put("sync.batch.owner-timeout", "3s");
        return settings;
    }

    RunningService startService() {
        return startService(settings());
    }

    RunningService startService(Map<String, Object> settings) {
        RunningService service = RunningService.start(settings);
        services.add(service);
        return service;
    }

    /** {@code count} leads in the campaign, each marked interested (lt_interest_status 1); returns their emails. */
    List<String> interestedLeads(String campaign, String prefix, int count) {
        List<String> emails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String email = prefix + i + "@leads.example";
            instantly.addLeadWithInterest(email, campaign, 1);
            emails.add(email);
        }
        return emails;
    }

    int pendingCommands(RunningService service) {
        return service.jdbc().queryForObject("select count(*) from outbound_command where status = 'pending'",
                Integer.class);
    }

    @Override
    public void close() {
        services.forEach(RunningService::close);
        instantly.close();
        hubspot.close();
    }
}
