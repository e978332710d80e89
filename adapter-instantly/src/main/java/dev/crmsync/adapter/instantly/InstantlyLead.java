package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Fingerprint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One Instantly lead record. Instantly keeps one record per e-mail and campaign (or list), so one
 * person can have several. {@link #toString()} shows ids only: the rest is personal data.
 *
 * @param id              the lead's id
 * @param email           the e-mail, lower-cased
 * @param campaignId      the campaign it belongs to, or null (a list lead)
 * @param listId          the lead list it belongs to, or null
 * @param status          Instantly's lead status ({@link #ACTIVE}, {@link #PAUSED}, {@link #COMPLETED},
 *                        -1 bounced, -2 unsubscribed, -3 skipped), or null when not sent
 * @param interestStatus  {@code lt_interest_status} (1 interested, 2 meeting booked, ...), or null for "Lead"
 * @param fields          the core fields Instantly names in snake case ({@code first_name}, ...), as text
 * @param customVariables the lead's custom variables, as text
 * @param updatedAt       {@code timestamp_updated}, when Instantly last changed the record, or null
 */
public record InstantlyLead(String id, String email, String campaignId, String listId, Integer status,
                            Integer interestStatus, Map<String, String> fields, Map<String, String> customVariables,
                            Instant updatedAt) {

    public static final int ACTIVE = 1;
    public static final int PAUSED = 2;
    public static final int COMPLETED = 3;

    /** The lead fields a {@code PATCH /api/v2/leads/{id}} sets directly; any other name is a custom variable. */
    public static final Set<String> CORE_FIELDS = Set.of("first_name", "last_name", "company_name", "job_title",
            "phone", "website", "personalization");

    // Instantly's `payload` echoes the core fields in camel case next to the custom variables.
    private static final Set<String> PAYLOAD_CORE_ECHOES = Set.of("firstName", "lastName", "companyName", "jobTitle",
            "phone", "website", "personalization", "email");

    public InstantlyLead {
        Objects.requireNonNull(id, "id");
        fields = Map.copyOf(fields);
        customVariables = Map.copyOf(customVariables);
    }

    /** A lead record without a known update time. */
    public InstantlyLead(String id, String email, String campaignId, String listId, Integer status,
                         Integer interestStatus, Map<String, String> fields, Map<String, String> customVariables) {
        this(id, email, campaignId, listId, status, interestStatus, fields, customVariables, null);
    }

    /** True while Instantly may still send to this lead in a campaign (active or paused there). */
    public boolean isInActiveCampaign() {
        return campaignId != null && status != null && (status == ACTIVE || status == PAUSED);
    }

    static InstantlyLead from(JsonNode node) {
        String email = InstantlyJson.text(node, "email");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : CORE_FIELDS) {
            String value = InstantlyJson.text(node, field);
            if (value != null) {
                fields.put(field, value);
            }
        }
        Map<String, String> custom = new LinkedHashMap<>(InstantlyJson.scalars(node, "payload"));
        custom.keySet().removeAll(PAYLOAD_CORE_ECHOES);
        custom.putAll(InstantlyJson.scalars(node, "custom_variables"));
        return new InstantlyLead(InstantlyJson.text(node, "id"), email == null ? null : email.trim().toLowerCase(Locale.ROOT), InstantlyJson.text(node, "campaign"), InstantlyJson.text(node, "list_id"),
                InstantlyJson.integer(node, "status"), InstantlyJson.integer(node, "lt_interest_status"), fields, custom,
                InstantlyTimestamps.parse(node.get("timestamp_updated")).orElse(null));
    }

    @Override
    public String toString() {
        return "InstantlyLead[id=" + id + ", email#" + (email == null ? "none" : Fingerprint.of(email))
                + ", campaignId=" + campaignId + ", status=" + status + ", interestStatus=" + interestStatus + "]";
    }
}
