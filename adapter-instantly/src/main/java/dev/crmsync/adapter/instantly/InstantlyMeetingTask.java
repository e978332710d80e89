package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up a booked meeting becomes in the CRMs (a task, by the default mapping's {@code activities}):
 * <ul>
 *   <li>key: {@code instantly-meeting:<dedup hash>}, the hash of the stored event (type, lead, campaign,
 *       time), so a retried webhook or a replayed event never makes a second one;</li>
 *   <li>subject: {@code Meeting booked (campaign <campaign_name>)}, free of personal data;</li>
 *   <li>body: the Unibox link, when the payload has one;</li>
 *   <li>attributes: {@code campaign_id} when present.</li>
 * </ul>
 * Its kind here is {@code task}; the mapping says what each target creates from it.
 */
final class InstantlyMeetingTask {
    static final String KEY_PREFIX = "instantly-meeting:";
    static final String EVENT_TYPE = "lead_meeting_booked";

    private final InstantlyPayload payload;
    private final String dedupHash;

    InstantlyMeetingTask(InstantlyPayload payload, String dedupHash) {
        this.payload = payload;
        this.dedupHash = dedupHash;
    }

    Activity toActivity(Instant occurredAt) {
        Map<String, String> attributes = new LinkedHashMap<>();
        payload.text("campaign_id").ifPresent(value -> attributes.put("campaign_id", value));
        List<String> context = new ArrayList<>();
        payload.text("campaign_name").or(() -> payload.text("campaign_id")).ifPresent(c -> context.add("campaign " + c));
        String subject = context.isEmpty() ? "Meeting booked" : "Meeting booked (" + String.join(", ", context) + ")";
        String body = payload.text("unibox_url").map(String::strip).orElse("");
        return new Activity("task", KEY_PREFIX + dedupHash, subject, body, occurredAt, attributes);
    }
}
