package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.IdentityResolver;
import java.util.List;
import java.util.Optional;

/**
 * Who HubSpot's ids are: a contact id's email ({@link HubSpotContacts#emailOf}), and a deal's contact ids
 * ({@link HubSpotDeals#contactIdsOf}, record type {@value #DEAL}). Thread-safe; I/O under the rate budget.
 */
final class HubSpotIdentities implements IdentityResolver {
    static final String DEAL = "deal";

    private final HubSpotContacts contacts;
    private final HubSpotDeals deals;

    HubSpotIdentities(HubSpotContacts contacts, HubSpotDeals deals) {
        this.contacts = contacts;
        this.deals = deals;
    }

    @Override
    public Optional<String> emailOf(String externalId) {
        return contacts.emailOf(externalId);
    }

    /** A deal's contacts; no other record type has people here. */
    @Override
    public List<String> peopleOf(String recordType, String recordId) {
        return DEAL.equals(recordType) ? deals.contactIdsOf(recordId) : List.of();
    }
}
