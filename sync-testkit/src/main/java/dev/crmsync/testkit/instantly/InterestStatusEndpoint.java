package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/leads/update-interest-status}: {@code lead_email} and {@code interest_value}
 * (a static interest value, or null to reset to "Lead") required, {@code campaign_id} and
 * {@code list_id} optional. Instantly queues a background job and answers 202 at once; the simulator
 * applies the change to every matching lead record before answering, and counts the call per e-mail
 * whether or not a lead matched.
 */
final class InterestStatusEndpoint implements SimEndpoint {
    static final Set<Integer> STATIC_VALUES = Set.of(0, 1, 2, 3, 4, -1, -2, -3, -4);

    private final LeadStore leads;
    private final Clock clock;

    InterestStatusEndpoint(LeadStore leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (body == null) {
            return InstantlyErrors.badRequest("body must be object");
        }
        String email = SimJson.text(body, "lead_email");
        if (email == null) {
            return InstantlyErrors.badRequest("body must have required property 'lead_email'");
        }
        if (!email.contains("@")) {
            return InstantlyErrors.badRequest("body/lead_email must match format \"email\"");
        }
        JsonNode value = body.get("interest_value");
        if (value == null) {
            return InstantlyErrors.badRequest("body must have required property 'interest_value'");
        }
        if (!value.isNull() && (!value.isIntegralNumber() || !STATIC_VALUES.contains(value.asInt()))) {
            return InstantlyErrors.badRequest("body/interest_value must be one of the lead interest values "
                    + "(0, 1, 2, 3, 4, -1, -2, -3, -4) or null, found " + value);
        }
        Integer interest = value.isNull() ? null : value.asInt();
        String campaignId = SimJson.text(body, "campaign_id");
        String listId = SimJson.text(body, "list_id");
        leads.countInterestUpdate(email);
        for (SimulatedLead lead : leads.byEmail(email)) {
            if ((campaignId == null || campaignId.equals(lead.campaignId()))
                    && (listId == null || listId.equals(lead.listId()))) {
                leads.update(lead.id(), l -> l.withInterest(interest, clock.instant()));
            }
        }
        ObjectNode answer = SimJson.object();
        answer.put("message", "Lead interest status update background job submitted");
        return SimResponse.of(202, answer);
    }
}
