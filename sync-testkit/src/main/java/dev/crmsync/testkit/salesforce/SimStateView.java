package dev.crmsync.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's state page: record counts by object, the API budget and calls by operation (no field values). */
final class SimStateView {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimStateView() {
    }

    static String render(SObjectStore store, ApiUsage usage, PartnerSoapHandler soap) {
        Map<String, Object> state = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        store.all().forEach(r -> counts.merge(r.type(), 1L, Long::sum));
        state.put("records", counts);
        state.put("apiUsage", usage.snapshot().header());
        state.put("calls", soap.callCounts());
        return JSON.writeValueAsString(state);
    }
}
