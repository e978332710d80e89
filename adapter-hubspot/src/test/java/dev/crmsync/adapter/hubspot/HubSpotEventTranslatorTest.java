package dev.crmsync.adapter.hubspot;

import static dev.crmsync.adapter.hubspot.HubSpotPayloads.of;
import static dev.crmsync.adapter.hubspot.HubSpotPayloads.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.spi.Translation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Worker: a stored HubSpot event becomes a canonical change when the person is known, marked ours or a rep's. */
class HubSpotEventTranslatorTest {
    private static final long OUR_APP = 1_234_567L;
    private final HubSpotEventTranslator translator = new HubSpotEventTranslator(Optional.of(OUR_APP), "crm-sync");

    private static byte[] withEmail(String name, Map<String, Object> more) {
        Map<String, Object> overrides = new HashMap<>(more);
        overrides.put("email", "ann@example.com");
        return with(name, overrides);
    }

    private CanonicalChange translated(String type, byte[] payload) {
        Translation translation = translator.translate(type, payload);
        assertThat(translation).isInstanceOf(Translation.Translated.class);
        return ((Translation.Translated) translation).changes().get(0);
    }

    @Test
    void repPropertyChangeBecomesAChangeOfThatFieldMarkedRep() {
        CanonicalChange change = translated("contact.propertyChange",
                withEmail("contact_property_change_rep", Map.of()));

        assertThat(change.source()).isEqualTo(SystemId.of("hubspot"));
        assertThat(change.eventType()).isEqualTo("contact.propertyChange");
        assertThat(change.who().email()).isEqualTo("ann@example.com");
        assertThat(change.who().ids()).containsEntry(SystemId.of("hubspot"), "106314056576");
        assertThat(change.observedAt()).isEqualTo(Instant.ofEpochMilli(1772442930250L));
        assertThat(change.fields()).containsExactly(Map.entry("lifecyclestage", "opportunity"));
        assertThat(change.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "subscriptionType", "contact.propertyChange", "objectId", "106314056576", "portalId", "62515",
                "appId", "1234567", "changeSource", "CRM_UI", "sourceId", "userId:45678", "origin", "rep"));
        assertThat(change.activities()).isEmpty();
    }

    @Test
    void ourOwnApiWriteComingBackIsMarkedOurs() {
        CanonicalChange change = translated("contact.propertyChange",
                withEmail("contact_property_change_integration", Map.of()));

        assertThat(change.attributes()).containsEntry("origin", "ours").containsEntry("changeSource", "INTEGRATION")
                .containsEntry("sourceId", "1234567");
        assertThat(change.fields()).containsExactly(Map.entry("hs_lead_status", "CONNECTED"));
    }

    @Test
    void anotherAppsApiWriteIsNotOurs() {
        CanonicalChange change = translated("contact.propertyChange",
                withEmail("contact_property_change_integration", Map.of("sourceId", "7654321")));

        assertThat(change.attributes()).containsEntry("origin", "rep");
    }

    @Test
    void withoutAnAppIdAnIntegrationChangeCannotBeRecognisedAsOurs() {
        HubSpotEventTranslator noAppId = new HubSpotEventTranslator(Optional.empty(), "crm-sync");

        Translation translation = noAppId.translate("contact.propertyChange",
                withEmail("contact_property_change_integration", Map.of()));

        assertThat(((Translation.Translated) translation).changes().get(0).attributes())
                .containsEntry("origin", "rep");
    }

    @Test
    void ourLastUpdatedByMarkerMarksTheChangeOurs() {
        CanonicalChange change = translated("contact.propertyChange", withEmail("contact_property_change_rep",
                Map.of("propertyName", "sync_last_updated_by", "propertyValue", "crm-sync",
                        "changeSource", "API", "sourceId", "")));

        assertThat(change.attributes()).containsEntry("origin", "ours");
        assertThat(change.fields()).containsExactly(Map.entry("sync_last_updated_by", "crm-sync"));
    }

    @Test
    void aChangeOfTheEmailPropertyNamesThePerson() {
        CanonicalChange change = translated("contact.propertyChange", with("contact_property_change_rep",
                Map.of("propertyName", "email", "propertyValue", " Ann.Lee@Example.com ")));

        assertThat(change.who().email()).isEqualTo("ann.lee@example.com");
        assertThat(change.fields()).containsExactly(Map.entry("email", " Ann.Lee@Example.com "));
    }

    @Test
    void aContactNamedOnlyByIdIsUnrecognizedUntilItsEmailIsResolved() {
        Translation translation = translator.translate("contact.propertyChange", of("contact_property_change_rep"));

        assertThat(translation).isEqualTo(Translation.unrecognized("'contact.propertyChange' names contact "
                + "106314056576 by id only, without its email; it needs the contact's email resolved from its "
                + "HubSpot id (objectId) before it can be translated"));
    }

    @Test
    void aContactNamedOnlyByIdIsNamedThroughTheHostsIdentityLookup() {
        IdentityLookup links = (system, id) -> system.value().equals("hubspot") && id.equals("106314056576")
                ? Optional.of("ann@example.com") : Optional.empty();

        Translation translation = translator.translate("contact.propertyChange", of("contact_property_change_rep"),
                links);

        assertThat(translation).isInstanceOf(Translation.Translated.class);
        CanonicalChange change = ((Translation.Translated) translation).changes().get(0);
        assertThat(change.who().email()).isEqualTo("ann@example.com");
        assertThat(change.who().ids()).containsEntry(SystemId.of("hubspot"), "106314056576");
    }

    @Test
    void aClearedPropertyBecomesAnEmptyField() {
        CanonicalChange change = translated("contact.propertyChange",
                withEmail("contact_property_change_rep", Map.of("propertyValue", "")));

        assertThat(change.fields()).containsExactly(Map.entry("lifecyclestage", ""));
    }

    @Test
    void creationWithAKnownEmailIsAChangeWithoutFields() {
        Map<String, Object> creation = new HashMap<>();
        creation.put("subscriptionType", "contact.creation");
        creation.put("propertyName", null);
        creation.put("propertyValue", null);
        creation.put("changeFlag", "CREATED");

        CanonicalChange change = translated("contact.creation", withEmail("contact_property_change_rep", creation));

        assertThat(change.fields()).isEmpty();
        assertThat(change.attributes()).containsEntry("changeFlag", "CREATED").containsEntry("origin", "rep");
    }

    @Test
    void aDealStageChangeBecomesAChangeForEachContactOfTheDeal() {
        IdentityLookup links = new IdentityLookup() {
            @Override
            public Optional<String> emailOf(SystemId system, String id) {
                return Optional.ofNullable(Map.of("11", "ann@example.com", "12", "bob@example.com").get(id));
            }

            @Override
            public List<String> peopleOf(SystemId system, String recordType, String recordId) {
                return recordType.equals("deal") && recordId.equals("9001002003") ? List.of("11", "12", "13")
                        : List.of();
            }
        };

        Translation translation = translator.translate("deal.propertyChange", of("deal_stage_change"), links);

        List<CanonicalChange> changes = ((Translation.Translated) translation).changes();
        assertThat(changes).extracting(c -> c.who().email()).as("contact 13 has no email: left out")
                .containsExactly("ann@example.com", "bob@example.com");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.eventType()).isEqualTo("deal.propertyChange");
            assertThat(change.fields()).containsExactly(Map.entry("deal.dealstage", "closedwon"));
            assertThat(change.attributes()).containsEntry("dealId", "9001002003").containsEntry("origin", "rep");
        });
        assertThat(changes.get(0).who().ids()).containsEntry(SystemId.of("hubspot"), "11");
    }

    @Test
    void aDealWithoutContactsConcernsNobody() {
        Translation translation = translator.translate("deal.propertyChange", of("deal_stage_change"));

        assertThat(((Translation.Translated) translation).changes()).isEmpty();
    }

    @Test
    void aDeletionIsMarkedAsADeletedRecord() {
        Map<String, Object> deletion = new HashMap<>();
        deletion.put("subscriptionType", "contact.deletion");
        deletion.put("propertyName", null);
        deletion.put("propertyValue", null);

        CanonicalChange change = translated("contact.deletion", withEmail("contact_property_change_rep", deletion));

        assertThat(change.isRecordDeleted()).isTrue();
        assertThat(change.fields()).isEmpty();
    }

    @Test
    void otherSubscriptionTypesAreUnrecognized() {
        Translation translation = translator.translate("company.propertyChange", of("contact_property_change_rep"));

        assertThat(((Translation.Unrecognized) translation).reason())
                .startsWith("'company.propertyChange' is not translated");
    }

    @Test
    void anEventWithoutATimeCannotBeOrdered() {
        Translation translation = translator.translate("contact.propertyChange",
                withEmail("contact_property_change_rep", Map.of("occurredAt", "soon")));

        assertThat(((Translation.Unrecognized) translation).reason()).contains("no usable 'occurredAt'");
    }

    @Test
    void anUnreadableStoredPayloadIsUnrecognized() {
        Translation translation = translator.translate("contact.propertyChange",
                "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(((Translation.Unrecognized) translation).reason()).startsWith("stored payload is unreadable: ");
    }

    @Test
    void theChangeNeverShowsTheEmailOrValuesInItsText() {
        CanonicalChange change = translated("contact.propertyChange",
                withEmail("contact_property_change_rep", Map.of()));

        assertThat(change.toString()).doesNotContain("ann@example.com").doesNotContain("opportunity");
    }
}
