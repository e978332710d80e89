package dev.crmsync.adapter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.Translation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SalesforceEventTranslatorTest {
    private static final String US = "005000000000001AAA";
    private static final String REP = "005000000000002AAA";
    private final SalesforceEventTranslator translator = new SalesforceEventTranslator(SalesforceOrgFields.defaults(),
            "crm-sync");

    private static byte[] lead(String modifiedBy, String marker, String integrationUser) {
        return ("{\"object\":\"Lead\"" + (integrationUser == null ? "" : ",\"integrationUserId\":\"" + integrationUser + "\"")
                + ",\"record\":{\"Id\":\"00Q000000000001AAA\",\"SystemModstamp\":\"2026-03-02T10:00:00.000Z\","
                + "\"LastModifiedById\":\"" + modifiedBy + "\",\"Email\":\"Ann@Example.com\",\"Status\":\"Working - Qualified\","
                + "\"LastName\":\"[not provided]\",\"Company\":\"Acme\",\"Last_Updated_By_Source__c\":\"" + marker + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private CanonicalChange change(byte[] payload) {
        return ((Translation.Translated) translator.translate("Lead.updated", payload)).changes().get(0);
    }

    @Test
    void aChangeByTheIntegrationUserIsOurs() {
        assertThat(change(lead(US, "crm-sync", US)).attributes()).containsEntry("origin", "ours");
    }

    @Test
    void aRepsEditIsTheRepsEvenWhileOurSourceMarkerIsStillOnTheRecord() {
        assertThat(change(lead(REP, "crm-sync", US)).attributes()).containsEntry("origin", "rep");
    }

    @Test
    void withoutAKnownIntegrationUserTheSourceMarkerDecides() {
        assertThat(change(lead(REP, "crm-sync", null)).attributes()).containsEntry("origin", "ours");
        assertThat(change(lead(REP, "someone", null)).attributes()).containsEntry("origin", "rep");
    }

    @Test
    void theRecordsValuesAreTheFieldsWithoutBookkeepingOrPlaceholders() {
        CanonicalChange change = change(lead(REP, "crm-sync", US));
        assertThat(change.fields()).containsEntry("Status", "Working - Qualified").containsEntry("Company", "Acme")
                .doesNotContainKeys("LastName", "Last_Updated_By_Source__c", "Id", "SystemModstamp");
        assertThat(change.who().email()).isEqualTo("ann@example.com");
        assertThat(change.observedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(change.who().ids()).containsValue("00Q000000000001AAA");
    }

    @Test
    void unknownTypesStayUnrecognizedWithTheReason() {
        assertThat(translator.translate("Opportunity.closed", lead(REP, "", US)))
                .isInstanceOfSatisfying(Translation.Unrecognized.class,
                        u -> assertThat(u.reason()).contains("Opportunity.closed"));
    }

    @Test
    void aDeletedRecordNobodyCanNameIsUnrecognized() {
        byte[] payload = "{\"object\":\"Lead\",\"deleted\":true,\"deletedDate\":\"2026-03-02T10:00:00Z\",\"record\":{\"Id\":\"00Q9\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(translator.translate("Lead.deleted", payload)).isInstanceOf(Translation.Unrecognized.class);
    }

    @Test
    void webhookBodiesAreRefusedBecauseSalesforceIsPolled() {
        assertThatThrownBy(() -> translator.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("polled");
    }
}
