package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The note a reply becomes in the CRMs.
 * <ul>
 *   <li>key: {@code instantly-reply:<email_id>} when the payload names the reply's email (Instantly's
 *       {@code email_id}), else {@code instantly-reply:<dedup hash>}; stable across retries and replays;</li>
 *   <li>subject: {@code Reply received (campaign <campaign_name>, step <step>)} ({@code Auto-reply
 *       received ...} for auto-replies), free of personal data;</li>
 *   <li>body: {@code reply_text}, else {@code reply_text_snippet}, then the Unibox link on its own line;</li>
 *   <li>attributes: {@code campaign_id}, {@code step}, {@code variant}, {@code is_first} when present.</li>
 * </ul>
 */
final class InstantlyReplyNote {
    static final String KEY_PREFIX = "instantly-reply:";
    private static final List<String> ATTRIBUTES = List.of("campaign_id", "step", "variant", "is_first");

    private final String type;
    private final InstantlyPayload payload;
    private final String dedupHash;

    InstantlyReplyNote(String type, InstantlyPayload payload, String dedupHash) {
        this.type = type;
        this.payload = payload;
        this.dedupHash = dedupHash;
    }

    Activity toActivity(Instant occurredAt) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTES) {
            payload.text(name).ifPresent(value -> attributes.put(name, value));
        }
        return new Activity("note", key(), subject(), body(), occurredAt, attributes);
    }

    private String key() {
        return KEY_PREFIX + payload.text("email_id").map(String::strip).orElse(dedupHash);
    }

    private String subject() {
        String what = InstantlyEventTypes.AUTO_REPLY_RECEIVED.equals(type) ? "Auto-reply received" : "Reply received";
        List<String> context = new ArrayList<>();
        payload.text("campaign_name").or(() -> payload.text("campaign_id")).ifPresent(c -> context.add("campaign " + c));
        payload.text("step").ifPresent(step -> context.add("step " + step));
        return context.isEmpty() ? what : what + " (" + String.join(", ", context) + ")";
    }

    private String body() {
        String text = payload.text("reply_text").or(() -> payload.text("reply_text_snippet")).map(String::strip)
                .orElse("");
        String link = payload.text("unibox_url").map(String::strip).orElse("");
        if (link.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? link : text + "\n\n" + link;
    }
}
