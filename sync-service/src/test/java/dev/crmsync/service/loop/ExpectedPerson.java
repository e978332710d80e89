package dev.crmsync.service.loop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the default mapping says both systems hold for one person after a sequence of edits, applied in
 * order: a rep's edit is HubSpot's new value and, when it means a status, Instantly's interest; an
 * Instantly label is Instantly's interest and sets HubSpot's stage only forward; contact properties flow
 * from HubSpot to Instantly. An edit that changes nothing sends no event and so changes nothing. The lost
 * reason is left out: a rep's move to "other" counts as the status's whole effect in HubSpot, reason included.
 */
final class ExpectedPerson {
    private static final List<String> STAGES = List.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");
    private static final Map<String, String> INSTANTLY_FIELD = Map.of("firstname", "lead.first_name",
            "jobtitle", "custom.job_title", "company", "lead.company_name");

    final Map<String, String> hubspot = new HashMap<>();
    final Map<String, String> instantlyFields = new HashMap<>();
    Integer interest;
    /** The label Instantly last reported (by an event) for the lead. */
    Integer seenInterest;
    int replies;
    int repStatusChanges;

    void repSet(String property, String value) {
        if (value.equals(hubspot.get(property))) {
            return;
        }
        hubspot.put(property, value);
        if (INSTANTLY_FIELD.containsKey(property)) {
            instantlyFields.put(INSTANTLY_FIELD.get(property), value);
            return;
        }
        repStatusChanges++;
        if (property.equals("hs_lead_status")) {
            interest = -2;
        } else {
            interest = value.equals("other") ? -1 : 1;
        }
    }

    void labelled(String eventType, int value) {
        interest = value;
        switch (eventType) {
            case "lead_interested" -> forward("salesqualifiedlead");
            case "lead_not_interested" -> forward("other");
            default -> hubspot.put("hs_lead_status", "UNQUALIFIED");
        }
    }

    void replied() {
        replies++;
        forward("lead");
        hubspot.put("hs_lead_status", "CONNECTED");
    }

    private void forward(String stage) {
        String current = hubspot.getOrDefault("lifecyclestage", "");
        if (current.isEmpty() || STAGES.indexOf(stage) >= STAGES.indexOf(current)) {
            hubspot.put("lifecyclestage", stage);
        }
    }
}
