package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.RecordSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages through HubSpot contacts changed since a date, for backfill and reconcile: CRM search on
 * {@code lastmodifieddate} ({@code GTE} window start, {@code LT} window end, ascending). A search reads at
 * most {@value #SEARCH_CAP} results (HubSpot answers 400 past them), so a window whose first page reports a
 * {@code total} at or above the cap is halved until it fits; the next window grows back. Each contact
 * becomes a {@code contact.snapshot} event ({@link ContactSnapshot}) with the properties the mapping reads.
 * Query scopes are ignored. Search calls go under search's own rate limit. Thread-safe.
 */
final class HubSpotContactSource implements RecordSource {
    private static final Logger log = LoggerFactory.getLogger(HubSpotContactSource.class);
    static final int SEARCH_CAP = 10_000;
    static final int MAX_LIMIT = 200;
    static final String PATH = "/crm/v3/objects/contacts/search";
    static final String OPERATION = "contacts/search";

    private final HubSpotClient client;
    private final HubSpotMappedFields fields;
    private final Clock clock;

    HubSpotContactSource(HubSpotClient client, HubSpotMappedFields fields, Clock clock) {
        this.client = client;
        this.fields = fields;
        this.clock = clock;
    }

    @Override
    public Page page(Query query, String pageCursor) {
        SearchWindow window = pageCursor == null
                ? SearchWindow.first(query.changedSince() == null ? 0 : query.changedSince().toEpochMilli(),
                        clock.millis())
                : SearchWindow.parse(pageCursor);
        int limit = Math.min(query.pageSize(), MAX_LIMIT);
        JsonNode answer = search(window, limit);
        while (window.isFirstPage() && answer.path("total").asLong() >= SEARCH_CAP) {
            if (!window.canHalve()) {
                throw new PermanentAdapterException("HubSpot contacts search: expected fewer than " + SEARCH_CAP
                        + " contacts changed in the millisecond " + Instant.ofEpochMilli(window.from()) + ", found "
                        + answer.path("total").asLong() + "; they cannot be read with search", 400);
            }
            window = window.firstHalf();
            log.debug("HubSpot contacts search: window narrowed to {} ms to stay under the {} result cap",
                    window.to() - window.from(), SEARCH_CAP);
            answer = search(window, limit);
        }
        List<ParsedEvent> records = new ArrayList<>();
        for (JsonNode contact : answer.path("results")) {
            ContactSnapshot.of(contact, fields.reads()).ifPresent(records::add);
        }
        String after = HubSpotJson.text(answer.path("paging").path("next"), "after");
        SearchWindow next = after != null ? window.nextPage(after) : window.next();
        return new Page(records, next == null ? null : next.text());
    }

    private JsonNode search(SearchWindow window, int limit) {
        ObjectNode body = HubSpotJson.object();
        ArrayNode filters = body.putArray("filterGroups").addObject().putArray("filters");
        filters.addObject().put("propertyName", "lastmodifieddate").put("operator", "GTE")
                .put("value", String.valueOf(window.from()));
        filters.addObject().put("propertyName", "lastmodifieddate").put("operator", "LT")
                .put("value", String.valueOf(window.to()));
        body.putArray("sorts").addObject().put("propertyName", "lastmodifieddate").put("direction", "ASCENDING");
        ArrayNode properties = body.putArray("properties");
        fields.reads().forEach(properties::add);
        properties.add("lastmodifieddate");
        body.put("limit", limit);
        if (window.after() != null) {
            body.put("after", window.after());
        }
        return client.postJson(OPERATION, PATH, body, 1, new CallLog()).requireSuccess().body();
    }
}
