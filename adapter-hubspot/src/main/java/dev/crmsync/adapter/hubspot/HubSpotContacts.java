package dev.crmsync.adapter.hubspot;

import java.util.Optional;

/**
 * Reads contacts by their HubSpot id, for what webhooks leave out: HubSpot names a changed contact
 * by {@code objectId} only. One {@code GET /crm/v3/objects/contacts/{id}?properties=email} per call,
 * within the host's rate budget. This is I/O, so the translator never calls it; a host that knows
 * only the id calls it before translating. Thread-safe.
 */
public final class HubSpotContacts {
    static final String OPERATION = "contacts/read";

    private final HubSpotClient client;

    HubSpotContacts(HubSpotClient client) {
        this.client = client;
    }

    /**
     * The contact's email as HubSpot stores it; empty when no contact has this id (deleted or merged
     * away) or it has no email.
     *
     * @throws IllegalArgumentException                 when {@code objectId} is not a HubSpot id (digits)
     * @throws dev.crmsync.core.spi.AdapterException when HubSpot fails (classified as for writes)
     */
    public Optional<String> emailOf(String objectId) {
        HubSpotResponse response = client.get(OPERATION, HubSpotClient.OBJECTS + "contacts/" + requireId(objectId)
                + "?properties=email", new CallLog());
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.ofNullable(HubSpotJson.text(response.requireSuccess().body().path("properties"), "email"))
                .map(String::strip).filter(email -> !email.isEmpty());
    }

    /** HubSpot record ids are numbers; anything else would change the request path. */
    static String requireId(String id) {
        if (id == null || id.isEmpty() || id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected a HubSpot record id (digits only), found '" + id + "'");
        }
        return id;
    }
}
