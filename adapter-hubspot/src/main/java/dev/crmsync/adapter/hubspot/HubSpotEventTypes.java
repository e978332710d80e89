package dev.crmsync.adapter.hubspot;

/**
 * The webhook subscription types the translator knows (HubSpot's Webhooks API, "legacy" CRM object
 * subscriptions). They are stored and matched exactly as HubSpot sends them, camel case included.
 */
final class HubSpotEventTypes {
    static final String CONTACT_PROPERTY_CHANGE = "contact.propertyChange";
    static final String CONTACT_CREATION = "contact.creation";
    static final String CONTACT_DELETION = "contact.deletion";
    static final String DEAL_PROPERTY_CHANGE = "deal.propertyChange";

    private HubSpotEventTypes() {
    }

    /** Events about one contact, named by its {@code objectId}. */
    static boolean isContactEvent(String type) {
        return type.equals(CONTACT_PROPERTY_CHANGE) || type.equals(CONTACT_CREATION) || type.equals(CONTACT_DELETION);
    }
}
