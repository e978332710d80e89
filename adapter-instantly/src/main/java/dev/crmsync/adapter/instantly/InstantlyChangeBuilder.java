package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.Translation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the canonical change of one Instantly event.
 *
 * <p>Attributes (what mapping rules match on): {@code campaign_id}, {@code campaign_name},
 * {@code step}, {@code variant}, {@code is_first}, {@code email_account}, {@code workspace},
 * {@code unibox_url}, {@code email_id}, {@code bounce_type} ({@code hard}/{@code soft}) and
 * {@code interest_value}, each only when the payload has it. Fields: {@code custom.<name>} per entry
 * of {@code custom_variables}, {@code lead.<key>} per extra top-level key (Instantly merges the lead's
 * own data into the payload). Replies carry one note, see {@link InstantlyReplyNote}; a booked meeting
 * carries one task, see {@link InstantlyMeetingTask}.
 *
 * <p>Time: {@code observedAt} is the event's {@code timestamp}. The translator has no clock, and the
 * host keeps the time of receipt separately. When the timestamp is missing or unreadable:
 * <ul>
 *   <li>engagement events (sent, opened, clicked, replies) are observed at {@link Instant#EPOCH}:
 *       they happened once and move no status, so the reply note still reaches the CRMs, and an
 *       epoch time can never overwrite a field observed at a real time;</li>
 *   <li>every other event is {@link Translation.Unrecognized}: a status, bounce, unsubscribe or label
 *       needs its real time to be ordered against other changes, and an invented one could either
 *       overwrite a newer status or be discarded as stale. The event stays stored and visible.</li>
 * </ul>
 */
final class InstantlyChangeBuilder {
    static final SystemId SOURCE = SystemId.of(InstantlyAdapterProvider.SYSTEM_ID);

    private static final List<String> ATTRIBUTES = List.of("campaign_id", "campaign_name", "step", "variant",
            "is_first", "email_account", "workspace", "unibox_url", "email_id", "interest_value");

    private final String type;
    private final InstantlyPayload payload;
    private final String dedupHash;

    InstantlyChangeBuilder(String type, InstantlyPayload payload, String dedupHash) {
        this.type = type;
        this.payload = payload;
        this.dedupHash = dedupHash;
    }

    Translation build() {
        Optional<String> email = payload.leadEmail();
        if (email.isEmpty()) {
            return InstantlyEventTypes.isAccountLevel(type)
                    ? Translation.of(List.of())
                    : Translation.unrecognized("'" + type + "' names no lead: 'lead_email' is missing or empty");
        }
        Optional<Instant> occurredAt = payload.occurredAt();
        if (occurredAt.isEmpty() && !InstantlyEventTypes.isEngagement(type)) {
            return Translation.unrecognized("no usable 'timestamp' on '" + type + "': a status change needs the "
                    + "time it happened to be ordered against other changes");
        }
        Instant observedAt = occurredAt.orElse(Instant.EPOCH);
        CanonicalChange change = CanonicalChange.of(SOURCE, Identity.ofEmail(email.get()), type, observedAt)
                .withAttributes(attributes())
                .withFields(fields());
        if (InstantlyEventTypes.isReply(type)) {
            InstantlyReplyNote note = new InstantlyReplyNote(type, payload, dedupHash);
            change = change.withActivities(List.of(note.toActivity(observedAt)));
        } else if (InstantlyMeetingTask.EVENT_TYPE.equals(type)) {
            change = change.withActivities(List.of(new InstantlyMeetingTask(payload, dedupHash).toActivity(observedAt)));
        }
        return Translation.of(List.of(change));
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTES) {
            payload.text(name).ifPresent(value -> attributes.put(name, value));
        }
        payload.bounceType().ifPresent(value -> attributes.put("bounce_type", value));
        return attributes;
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        payload.leadData().forEach((key, value) -> fields.put("lead." + key, value));
        payload.customVariables().forEach((name, value) -> fields.put("custom." + name, value));
        return fields;
    }
}
