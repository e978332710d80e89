package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.spi.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the canonical changes of one HubSpot contact or deal event.
 *
 * <p>Who: the email and the HubSpot id ({@code objectId}). HubSpot names a contact by id only; the
 * email is in the event just when the event changes the {@code email} property itself (or carries an
 * {@code email} field); otherwise the host's {@link IdentityLookup} answers from the links it keeps or
 * by asking HubSpot ({@link HubSpotContacts#emailOf}). A contact nobody can name is {@link Translation.Unrecognized}.
 *
 * <p>Attributes: {@code subscriptionType}, {@code objectId}, {@code portalId}, {@code appId},
 * {@code changeSource}, {@code sourceId} and {@code changeFlag} when present, and always
 * {@code origin} ({@code ours} or {@code rep}, see {@link HubSpotOrigin}), and {@code record}
 * {@code deleted} for a {@code contact.deletion}. Fields: for a property
 * change, {@code {propertyName: propertyValue}} ({@code ""} when cleared); none otherwise.
 * {@code observedAt} is {@code occurredAt}; an event without it cannot be ordered and is unrecognized.
 */
final class HubSpotChangeBuilder {
    static final SystemId SOURCE = SystemId.of(HubSpotAdapterProvider.SYSTEM_ID);
    /** Deal properties are reported with this prefix: {@code deal.dealstage}. */
    static final String DEAL_PREFIX = "deal.";
    static final String DEAL_ID = "dealId";
    private static final List<String> ATTRIBUTES = List.of("subscriptionType", "objectId", "portalId", "appId",
            "changeSource", "sourceId", "changeFlag");

    private final HubSpotOrigin origin;

    HubSpotChangeBuilder(HubSpotOrigin origin) {
        this.origin = origin;
    }

    Translation build(String type, HubSpotEvent event, IdentityLookup identities) {
        String contact = event.objectId().map(id -> "contact " + id).orElse("a contact without 'objectId'");
        Optional<Instant> occurredAt = event.occurredAt();
        if (occurredAt.isEmpty()) {
            return Translation.unrecognized("'" + type + "' for " + contact + " has no usable 'occurredAt' (epoch "
                    + "milliseconds): a change needs the time it happened to be ordered against others");
        }
        Optional<String> email = event.email()
                .or(() -> event.objectId().flatMap(id -> identities.emailOf(SOURCE, id)));
        if (email.isEmpty()) {
            return Translation.unrecognized("'" + type + "' names " + contact + " by id only, without its email; "
                    + "it needs the contact's email resolved from its HubSpot id (objectId) before it can be "
                    + "translated");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (type.equals(HubSpotEventTypes.CONTACT_PROPERTY_CHANGE)) {
            Optional<String> name = event.propertyName();
            if (name.isEmpty()) {
                return Translation.unrecognized("'" + type + "' for " + contact + " has no 'propertyName'");
            }
            fields.put(name.get(), event.propertyValue().orElse(""));
        }
        Map<String, String> attributes = attributes(event);
        if (type.equals(HubSpotEventTypes.CONTACT_DELETION)) {
            attributes.put(CanonicalChange.RECORD, CanonicalChange.RECORD_DELETED);
        }
        Identity who = Identity.ofEmail(email.get());
        if (event.objectId().isPresent()) {
            who = who.withId(SOURCE, event.objectId().get());
        }
        CanonicalChange change = CanonicalChange.of(SOURCE, who, type, occurredAt.get())
                .withAttributes(attributes)
                .withFields(fields);
        return Translation.of(List.of(change));
    }

    /**
     * One change per contact associated with the deal, each reporting the deal's property as
     * {@code deal.<propertyName>} (so a mapping tells {@code deal.dealstage} from a contact property),
     * with {@code dealId} among the attributes. A deal without contacts gives no change; a contact
     * nobody can name (deleted meanwhile) is left out.
     */
    Translation buildForDeal(String type, HubSpotEvent event, IdentityLookup identities) {
        Optional<String> dealId = event.objectId();
        Optional<Instant> occurredAt = event.occurredAt();
        Optional<String> name = event.propertyName();
        if (dealId.isEmpty() || occurredAt.isEmpty() || name.isEmpty()) {
            return Translation.unrecognized("'" + type + "' needs 'objectId', 'occurredAt' and 'propertyName' to "
                    + "reach the deal's contacts; this one lacks "
                    + (dealId.isEmpty() ? "'objectId'" : occurredAt.isEmpty() ? "'occurredAt'" : "'propertyName'"));
        }
        Map<String, String> attributes = attributes(event);
        attributes.put(DEAL_ID, dealId.get());
        Map<String, String> fields = Map.of(DEAL_PREFIX + name.get(), event.propertyValue().orElse(""));
        List<CanonicalChange> changes = new ArrayList<>();
        for (String contactId : identities.peopleOf(SOURCE, HubSpotIdentities.DEAL, dealId.get())) {
            identities.emailOf(SOURCE, contactId).ifPresent(email -> changes.add(
                    CanonicalChange.of(SOURCE, Identity.ofEmail(email).withId(SOURCE, contactId), type, occurredAt.get())
                            .withAttributes(attributes).withFields(fields)));
        }
        return Translation.of(changes);
    }

    private Map<String, String> attributes(HubSpotEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTES) {
            event.text(name).ifPresent(value -> attributes.put(name, value));
        }
        attributes.put(CanonicalChange.ORIGIN, origin.of(event));
        return attributes;
    }
}
