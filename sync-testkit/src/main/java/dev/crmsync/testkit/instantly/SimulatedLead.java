package dev.crmsync.testkit.instantly;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One lead record in the simulator: Instantly keeps one per e-mail and campaign (or list). Immutable;
 * changes make a copy.
 *
 * @param id              the lead's id, ordered by creation
 * @param email           lower-cased
 * @param campaignId      the campaign it is in, or null
 * @param listId          the lead list it is in, or null
 * @param status          1 active, 2 paused, 3 completed, -1 bounced, -2 unsubscribed, -3 skipped
 * @param interestStatus  {@code lt_interest_status}, or null for "Lead"
 * @param fields          core fields by Instantly's snake-case name ({@code first_name}, ...)
 * @param customVariables custom variables
 * @param createdAt       when it was created
 * @param updatedAt       when it last changed
 */
public record SimulatedLead(String id, String email, String campaignId, String listId, int status,
                            Integer interestStatus, Map<String, String> fields, Map<String, String> customVariables,
                            Instant createdAt, Instant updatedAt) {

    public static final int ACTIVE = 1;
    public static final int PAUSED = 2;
    public static final int COMPLETED = 3;

    /** The core fields Instantly's lead accepts by name; anything else is a custom variable. */
    public static final Set<String> CORE_FIELDS = Set.of("first_name", "last_name", "company_name", "job_title",
            "phone", "website", "personalization");

    public SimulatedLead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        customVariables = Collections.unmodifiableMap(new LinkedHashMap<>(customVariables));
    }

    SimulatedLead withInterest(Integer value, Instant at) {
        return new SimulatedLead(id, email, campaignId, listId, status, value, fields, customVariables, createdAt, at);
    }

    SimulatedLead withStatus(int value, Instant at) {
        return new SimulatedLead(id, email, campaignId, listId, value, interestStatus, fields, customVariables,
                createdAt, at);
    }

    SimulatedLead withFields(Map<String, String> newFields, Map<String, String> newCustom, Instant at) {
        return new SimulatedLead(id, email, campaignId, listId, status, interestStatus, newFields, newCustom,
                createdAt, at);
    }

    SimulatedLead movedTo(String newCampaignId, String newListId, Instant at) {
        return new SimulatedLead(id, email, newCampaignId, newListId, status, interestStatus, fields, customVariables,
                createdAt, at);
    }

    /** The lead as Instantly's API shows it, with {@code payload} echoing core fields in camel case as Instantly does. */
    ObjectNode toJson(String workspaceId) {
        ObjectNode node = SimJson.object();
        node.put("id", id);
        node.put("timestamp_created", SimJson.time(createdAt));
        node.put("timestamp_updated", SimJson.time(updatedAt));
        node.put("organization", workspaceId);
        node.put("status", status);
        node.put("email_open_count", 0);
        node.put("email_reply_count", 0);
        node.put("email_click_count", 0);
        node.put("company_domain", email.substring(email.indexOf('@') + 1));
        node.put("campaign", campaignId);
        node.put("list_id", listId);
        node.put("email", email);
        fields.forEach(node::put);
        ObjectNode payload = node.putObject("payload");
        fields.forEach((name, value) -> payload.put(camel(name), value));
        customVariables.forEach(payload::put);
        if (interestStatus != null) {
            node.put("lt_interest_status", interestStatus.intValue());
        }
        return node;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
