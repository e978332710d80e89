package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.RecordSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Instantly's leads for backfill, through {@code POST /api/v2/leads/list}: all leads, or those of the
 * campaigns named as scopes, one campaign after the other. Each lead record with an e-mail and an
 * update time becomes a {@value #SNAPSHOT} event whose payload is the status event Instantly would
 * have sent for the lead's current interest status ({@link InstantlyLeadReconcile#body}), so the
 * translator gives it the same canonical change and the mapping's rules apply unchanged.
 *
 * <p>The cursor is {@code <campaign index>:<starting_after>}: Instantly's own cursor, plus which of
 * the scoped campaigns it belongs to. Instantly has no "updated since" filter on this call, so
 * {@code changedSince} is applied to {@code timestamp_updated} here; a page may then hold fewer
 * records than asked, or none, without being the last.
 */
final class InstantlyRecordSource implements RecordSource {
    static final String SNAPSHOT = "lead.snapshot";

    private final InstantlyClient client;

    InstantlyRecordSource(InstantlyClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Page page(Query query, String pageCursor) {
        List<String> campaigns = query.scopes().isEmpty() ? Collections.singletonList(null) : query.scopes();
        int campaign = 0;
        String startingAfter = null;
        if (pageCursor != null) {
            int colon = pageCursor.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("not an Instantly lead cursor: '" + pageCursor + "'");
            }
            campaign = Integer.parseInt(pageCursor.substring(0, colon));
            startingAfter = pageCursor.substring(colon + 1);
            startingAfter = startingAfter.isEmpty() ? null : startingAfter;
        }
        InstantlyPage<InstantlyLead> page = client.listLeads(campaigns.get(campaign), startingAfter,
                Math.min(query.pageSize(), InstantlyClient.MAX_PAGE_SIZE));
        List<ParsedEvent> records = new ArrayList<>(page.items().size());
        for (InstantlyLead lead : page.items()) {
            if (lead.email() != null && lead.updatedAt() != null
                    && (query.changedSince() == null || !lead.updatedAt().isBefore(query.changedSince()))) {
                records.add(snapshot(lead));
            }
        }
        String next = page.hasMorePages() ? campaign + ":" + page.nextStartingAfter()
                : campaign + 1 < campaigns.size() ? (campaign + 1) + ":" : null;
        return new Page(records, next);
    }

    static ParsedEvent snapshot(InstantlyLead lead) {
        // Keyed by the lead's version: the same unchanged lead is one event however often it is backfilled.
        String key = SNAPSHOT + ":" + lead.id() + ":" + lead.updatedAt().toEpochMilli() + ":" + lead.interestStatus();
        return new ParsedEvent(SNAPSHOT, key, lead.email(), lead.updatedAt(), InstantlyLeadReconcile.body(lead));
    }
}
