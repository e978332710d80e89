package dev.crmsync.service.salesforce;

import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.util.Map;

/** Points a test service at a Salesforce simulator the test holds (client-credentials grant), with fast retries. */
final class SalesforceSettings {
    private SalesforceSettings() {
    }

    static Map<String, Object> with(Map<String, Object> settings, SalesforceSimulator salesforce) {
        settings.put("sync.adapters.salesforce.enabled", "true");
        salesforce.adapterConfig().forEach((key, value) -> settings.put("sync.adapters.salesforce." + key, value));
        settings.put("sync.rate-limits.salesforce.requests", "1000");
        settings.put("sync.rate-limits.salesforce.period", "1s");
        return settings;
    }
}
