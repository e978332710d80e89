package dev.crmsync.adapter.hubspot;

import static dev.crmsync.adapter.hubspot.HubSpotPayloads.MAPPER;
import static dev.crmsync.adapter.hubspot.HubSpotPayloads.batchOf;
import static dev.crmsync.adapter.hubspot.HubSpotPayloads.of;
import static dev.crmsync.adapter.hubspot.HubSpotPayloads.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.model.Fingerprint;
import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Ingress: a HubSpot batch becomes one storable event per element, keyed without trusting eventId. */
class HubSpotEventTranslatorParseTest {
    private final HubSpotEventTranslator translator = new HubSpotEventTranslator(Optional.of(1_234_567L), "crm-sync");

    @Test
    void splitsABatchIntoOneEventPerElementSortedByOccurredAt() throws Exception {
        List<ParsedEvent> events = translator.parse(of("contact_batch_unordered"));

        assertThat(events).extracting(ParsedEvent::occurredAt).containsExactly(
                Instant.ofEpochMilli(1772442925125L), Instant.ofEpochMilli(1772442925125L),
                Instant.ofEpochMilli(1772442928000L), Instant.ofEpochMilli(1772442930250L));
        assertThat(events).extracting(ParsedEvent::eventType).containsExactly("contact.propertyChange",
                "contact.creation", "contact.propertyChange", "contact.propertyChange");
    }

    @Test
    void duplicateEventIdsStillGetDistinctDedupKeys() throws Exception {
        List<ParsedEvent> events = translator.parse(of("contact_batch_unordered"));

        assertThat(events).extracting(ParsedEvent::dedupKey).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).startsWith("hubspot:").hasSize("hubspot:".length() + 64));
    }

    @Test
    void aRetriedDeliveryOfTheSameEventGetsTheSameKey() throws Exception {
        byte[] first = batchOf(of("contact_property_change_integration"));
        byte[] retry = batchOf(with("contact_property_change_integration", Map.of("attemptNumber", 4,
                "eventId", 4101286999L)));

        assertThat(translator.parse(retry).get(0).dedupKey()).isEqualTo(translator.parse(first).get(0).dedupKey());
    }

    @Test
    void aLaterChangeToTheSameValueIsANewEvent() throws Exception {
        byte[] first = batchOf(of("contact_property_change_rep"));
        byte[] later = batchOf(with("contact_property_change_rep", Map.of("occurredAt", 1772442990250L)));

        assertThat(translator.parse(later).get(0).dedupKey()).isNotEqualTo(translator.parse(first).get(0).dedupKey());
    }

    @Test
    void dedupKeyIsTheDocumentedHashOfTypeObjectPropertyValueTimeAndPortal() throws Exception {
        String parts = "[\"contact.propertyChange\",\"106314056576\",\"lifecyclestage\",\"opportunity\","
                + "\"1772442930250\",\"62515\"]";

        ParsedEvent event = translator.parse(batchOf(of("contact_property_change_rep"))).get(0);

        assertThat(event.dedupKey()).isEqualTo("hubspot:" + Fingerprint.sha256Hex(parts));
    }

    @Test
    void associationChangesWithoutObjectIdAreNotMergedIntoOne() throws Exception {
        List<ParsedEvent> events = translator.parse(of("contact_association_change"));

        assertThat(events).hasSize(2).extracting(ParsedEvent::dedupKey).doesNotHaveDuplicates();
        assertThat(events).extracting(ParsedEvent::eventType).containsOnly("contact.associationChange");
    }

    @Test
    void emailIsKnownAtIngressOnlyWhenTheEmailPropertyChanges() throws Exception {
        List<ParsedEvent> events = translator.parse(of("contact_batch_unordered"));

        assertThat(events).extracting(ParsedEvent::email).containsExactly("Ann.Lee@Example.com", null, null, null);
    }

    @Test
    void payloadIsTheElementsOwnJson() throws Exception {
        ParsedEvent event = translator.parse(of("contact_batch_unordered")).get(3);

        assertThat(MAPPER.readTree(event.payload())).isEqualTo(((ObjectNode) MAPPER.readTree(
                of("contact_property_change_rep"))).put("eventId", 3400564480L));
    }

    @Test
    void eventsWithoutAUsableOccurredAtAreStoredLastWithoutATime() throws Exception {
        byte[] body = MAPPER.writeValueAsBytes(MAPPER.createArrayNode()
                .add(MAPPER.readTree(with("contact_property_change_rep", Map.of("occurredAt", "yesterday"))))
                .add(MAPPER.readTree(of("deal_stage_change"))));

        List<ParsedEvent> events = translator.parse(body);

        assertThat(events).extracting(ParsedEvent::eventType).containsExactly("deal.propertyChange",
                "contact.propertyChange");
        assertThat(events.get(1).occurredAt()).isNull();
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThatThrownBy(() -> translator.parse("[{\"subscriptionType\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("body is not valid JSON: ");
        assertThatThrownBy(() -> translator.parse(new byte[0]))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("body is not valid JSON");
    }

    @Test
    void rejectsASingleObjectBecauseHubSpotAlwaysSendsAnArray() {
        assertThatThrownBy(() -> translator.parse(of("contact_property_change_rep")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("body must be a JSON array of HubSpot events, found object");
    }

    @Test
    void rejectsAnEmptyArray() {
        assertThatThrownBy(() -> translator.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("body is an empty JSON array; expected at least one HubSpot event");
    }

    @Test
    void rejectsTheWholeBatchNamingTheElementThatIsNotAnObject() {
        byte[] body = ("[" + new String(of("contact_property_change_rep"), StandardCharsets.UTF_8) + ", \"oops\"]")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> translator.parse(body)).isInstanceOf(MalformedEventException.class)
                .hasMessage("event [1] of 2 must be a JSON object, found string");
    }

    @Test
    void rejectsAnElementWithoutSubscriptionType() {
        byte[] body = batchOf(with("contact_property_change_rep", Map.of("subscriptionType", " ")));

        assertThatThrownBy(() -> translator.parse(body)).isInstanceOf(MalformedEventException.class)
                .hasMessage("event [0] of 1 has no 'subscriptionType' (a non-empty string such as "
                        + "contact.propertyChange)");
    }
}
