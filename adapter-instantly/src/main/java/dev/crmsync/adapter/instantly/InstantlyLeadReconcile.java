package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds, from the lead list, the status events a paused webhook may have missed. Instantly's
 * {@code POST /leads/list} has no "updated since" filter, so every lead is paged and filtered here by
 * its {@code timestamp_updated}: a lead updated at or after {@code since} yields one event, a lead
 * without an e-mail or an update time yields none.
 *
 * <p>The event is what Instantly would have sent for the lead's current interest status: the label
 * event the mapping matches ({@link #EVENT_BY_INTEREST}, e.g. 1 is {@code lead_interested}) with
 * {@code interest_value}, or {@code lead_status_changed} for any other value or none. Its
 * {@code timestamp} is the lead's update time and it carries {@code "reconciled": true}. It goes
 * through {@link InstantlyEventTranslator#parse}, so its dedup key follows {@link InstantlyDedupKey}
 * and stays the same while the lead does not change.
 */
final class InstantlyLeadReconcile {
    /** Interest value ({@code lt_interest_status}) to the webhook event Instantly sends for it. */
    static final Map<Integer, String> EVENT_BY_INTEREST = Map.of(1, "lead_interested", 2, "lead_meeting_booked",
            3, "lead_meeting_completed", 4, "lead_closed", 0, "lead_out_of_office", -1, "lead_not_interested",
            -2, "lead_wrong_person");

    private final InstantlyClient client;
    private final InstantlyEventTranslator translator = new InstantlyEventTranslator();

    InstantlyLeadReconcile(InstantlyClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    List<ParsedEvent> since(Instant since) {
        Objects.requireNonNull(since, "since");
        List<ParsedEvent> events = new ArrayList<>();
        Iterator<InstantlyLead> leads = client.leads(List.of());
        while (leads.hasNext()) {
            InstantlyLead lead = leads.next();
            if (lead.email() != null && lead.updatedAt() != null && !lead.updatedAt().isBefore(since)) {
                events.addAll(parse(body(lead)));
            }
        }
        return events;
    }

    static byte[] body(InstantlyLead lead) {
        ObjectNode body = InstantlyJson.object();
        Integer interest = lead.interestStatus();
        body.put("event_type", interest == null ? InstantlyEventTypes.LEAD_STATUS_CHANGED
                : EVENT_BY_INTEREST.getOrDefault(interest, InstantlyEventTypes.LEAD_STATUS_CHANGED));
        body.put("lead_email", lead.email());
        body.put("timestamp", lead.updatedAt().toString());
        if (lead.campaignId() != null) {
            body.put("campaign_id", lead.campaignId());
        }
        if (interest != null) {
            body.put("interest_value", interest.intValue());
        }
        body.put("reconciled", true);
        return InstantlyJson.MAPPER.writeValueAsBytes(body);
    }

    private List<ParsedEvent> parse(byte[] body) {
        try {
            return translator.parse(body);
        } catch (MalformedEventException e) {
            throw new IllegalStateException("a synthesized lead event does not parse: " + e.getMessage(), e);
        }
    }
}
