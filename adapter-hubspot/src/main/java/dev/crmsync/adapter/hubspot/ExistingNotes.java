package dev.crmsync.adapter.hubspot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds notes an earlier attempt may already have created, by the idempotency key each note carries
 * in the custom property {@value #KEY_PROPERTY}: {@code POST /crm/v3/objects/notes/search} with an
 * {@code IN} filter, up to 100 keys per call, following {@code paging.next.after}.
 */
final class ExistingNotes {
    static final String KEY_PROPERTY = "sync_activity_key";
    static final String OPERATION = "notes/search";
    private static final int KEYS_PER_SEARCH = 100;
    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 10;

    private final HubSpotClient client;

    ExistingNotes(HubSpotClient client) {
        this.client = client;
    }

    /**
     * The id of an existing note per key that has one.
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
                JsonNode answer = client.post(OPERATION, "notes/search", query(chunk, after), chunk.size(), calls)
                        .requireSuccess().body();
                for (JsonNode note : answer.path("results")) {
                    String key = HubSpotJson.text(note.path("properties"), KEY_PROPERTY);
                    String id = HubSpotJson.text(note, "id");
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
