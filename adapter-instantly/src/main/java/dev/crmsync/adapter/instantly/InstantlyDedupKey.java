package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Fingerprint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dedup key of an Instantly event. Instantly's payload carries no event id, so the key is
 * derived from what identifies the fact:
 * <pre>
 * "instantly:" + sha256hex(utf8(compact JSON array of
 *     [event type (normalised), lead email (trimmed, lower-case), campaign_id, step,
 *      timestamp as sent, email_id (reply events only)]))
 * </pre>
 * with {@code null} for a value the payload lacks. The delivery-retry fields ({@code retry_count},
 * {@code will_retry}, {@code timestamp_next_retry}, {@code retry_group_id}) are never part of it, so
 * every delivery of one event gets one key. Without a timestamp, the timestamp's place holds
 * {@code "body-sha256:" + sha256hex} of the body without those retry fields, so distinct events
 * that lack a time are not merged into one.
 */
final class InstantlyDedupKey {
    static final String PREFIX = "instantly:";

    private InstantlyDedupKey() {
    }

    static String of(JsonMapper mapper, String normalisedType, InstantlyPayload payload) {
        return PREFIX + hash(mapper, normalisedType, payload);
    }

    /** The key without its prefix. */
    static String hash(JsonMapper mapper, String normalisedType, InstantlyPayload payload) {
        return Fingerprint.sha256HexOfJsonArray(
                normalisedType,
                payload.leadEmail().orElse(null),
                payload.text("campaign_id").orElse(null),
                payload.text("step").orElse(null),
                payload.text("timestamp")
                        .orElseGet(() -> "body-sha256:" + Fingerprint.sha256Hex(payload.withoutRetryFields(mapper))),
                InstantlyEventTypes.isReply(normalisedType) ? payload.text("email_id").orElse(null) : null);
    }
}
