package dev.crmsync.adapter.instantly;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Instantly's webhook event catalog (developer.instantly.ai, "Webhook events"), the names we store
 * and map on, and which of them need a lead or a timestamp. Workspace custom labels arrive with the
 * label as their event type; they are kept exactly as sent.
 */
final class InstantlyEventTypes {
    static final String EMAIL_SENT = "email_sent";
    static final String EMAIL_OPENED = "email_opened";
    static final String EMAIL_LINK_CLICKED = "email_link_clicked";
    static final String REPLY_RECEIVED = "reply_received";
    static final String AUTO_REPLY_RECEIVED = "auto_reply_received";
    static final String EMAIL_BOUNCED = "email_bounced";
    static final String LEAD_UNSUBSCRIBED = "lead_unsubscribed";
    static final String CAMPAIGN_COMPLETED = "campaign_completed";
    static final String ACCOUNT_ERROR = "account_error";
    static final String LEAD_STATUS_CHANGED = "lead_status_changed";

    /** Every type we know by name, after {@link #normalise}. */
    static final Set<String> KNOWN = Set.of(EMAIL_SENT, EMAIL_OPENED, EMAIL_LINK_CLICKED, REPLY_RECEIVED,
            AUTO_REPLY_RECEIVED, EMAIL_BOUNCED, LEAD_UNSUBSCRIBED, CAMPAIGN_COMPLETED, ACCOUNT_ERROR,
            "lead_interested", "lead_not_interested", "lead_neutral", "lead_meeting_booked",
            "lead_meeting_completed", "lead_closed", "lead_out_of_office", "lead_wrong_person",
            LEAD_STATUS_CHANGED);

    // Instantly's own catalog says link_clicked; guides and older integrations say email_link_clicked
    // and sequence_completed. One stored name per fact keeps dedup keys and mapping rules simple.
    private static final Map<String, String> ALIASES = Map.of(
            "link_clicked", EMAIL_LINK_CLICKED,
            "sequence_completed", CAMPAIGN_COMPLETED);

    /** Events about a workspace, campaign or sending account rather than a lead. */
    private static final Set<String> ACCOUNT_LEVEL = Set.of(ACCOUNT_ERROR, CAMPAIGN_COMPLETED);

    /** Facts that happened once and do not move a status, so an unknown time cannot reorder anything. */
    private static final Set<String> ENGAGEMENT = Set.of(EMAIL_SENT, EMAIL_OPENED, EMAIL_LINK_CLICKED,
            REPLY_RECEIVED, AUTO_REPLY_RECEIVED);

    private static final Set<String> REPLIES = Set.of(REPLY_RECEIVED, AUTO_REPLY_RECEIVED);

    private InstantlyEventTypes() {
    }

    /**
     * The stored name of an event type: catalog names (in any case, with surrounding blanks) and
     * their aliases become the catalog name; anything else is a custom label and stays as sent.
     */
    static String normalise(String eventType) {
        String key = eventType.strip().toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        return KNOWN.contains(key) ? key : eventType;
    }

    static boolean isAccountLevel(String type) {
        return ACCOUNT_LEVEL.contains(type);
    }

    static boolean isEngagement(String type) {
        return ENGAGEMENT.contains(type);
    }

    static boolean isReply(String type) {
        return REPLIES.contains(type);
    }
}
