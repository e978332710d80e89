package dev.crmsync.adapter.hubspot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds notes or tasks an earlier attempt may already have created, by the idempotency key each carries
 * in the custom property {@code sync_activity_key}: {@code POST /crm/v3/objects/<notes|tasks>/search}
 * with an {@code IN} filter, up to 100 keys per call, following {@code paging.next.after}.
 */
final class ExistingEngagements {
    private static final String KEY_PROPERTY = HubSpotEngagement.KEY_PROPERTY;
    private static final int KEYS_PER_SEARCH = 100;
    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 10;

    private final HubSpotClient client;
    private final HubSpotEngagement type;

    ExistingEngagements(HubSpotClient client, HubSpotEngagement type) {
        this.client = client;
        this.type = type;
    }

    /**
     * The id of an existing note (or task) per key that has one.
     *
     * @throws dev.crmsync.core.spi.AdapterException when a search fails: then nothing is known and
     *                                                nothing may be created
     */
    Map<String, String> find(List<String> keys, CallLog calls) {
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_SEARCH) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_SEARCH));
            String after = null;
            int page = 0;
            do {
                JsonNode answer = client.post(type.searchOperation(), type.searchOperation(), query(chunk, after), chunk.size(), calls)
                        .requireSuccess().body();
                for (JsonNode record : answer.path("results")) {
                    String key = HubSpotJson.text(record.path("properties"), KEY_PROPERTY);
                    String id = HubSpotJson.text(record, "id");
                    if (key != null && id != null) {
                        found.putIfAbsent(key, id);
                    }
                }
                after = HubSpotJson.text(answer.path("paging").path("next"), "after");
            } while (after != null && ++page < MAX_PAGES);
        }
        return found;
    }

    private static ObjectNode query(List<String> keys, String after) {
        ObjectNode query = HubSpotJson.object();
        ObjectNode filter = query.putArray("filterGroups").addObject().putArray("filters").addObject();
        filter.put("propertyName", KEY_PROPERTY);
        filter.put("operator", "IN");
        keys.forEach(filter.putArray("values")::add);
        query.putArray("properties").add(KEY_PROPERTY);
        query.put("limit", PAGE_SIZE);
        if (after != null) {
            query.put("after", after);
        }
        return query;
    }
}
