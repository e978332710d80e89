package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.spi.PermanentAdapterException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantlyUpdateTest {

    private static InstantlyUpdate read(Map<String, String> fields) {
        return InstantlyUpdate.from((Command.Upsert) OutboundItems.upsert("ann@example.com", fields).command());
    }

    @Test
    void interestValueIsAWholeNumberIncludingNegativeOnes() {
        InstantlyUpdate update = read(Map.of("interest_value", "-2"));

        assertThat(update.setsInterest()).isTrue();
        assertThat(update.interestValue()).isEqualTo(-2);
        assertThat(update.needsLeadRecords()).isFalse();
    }

    @Test
    void blankInterestValueMeansResetToLead() {
        InstantlyUpdate update = read(Map.of("interest_value", " "));

        assertThat(update.setsInterest()).isTrue();
        assertThat(update.interestValue()).isNull();
    }

    @Test
    void blocklistedTrueAndSequenceStoppedAreFlagsIgnoringCase() {
        InstantlyUpdate update = read(Map.of("blocklisted", "TRUE", "sequence", "Stopped"));

        assertThat(update.blocks()).isTrue();
        assertThat(update.stopsSequence()).isTrue();
        assertThat(update.needsLeadRecords()).isTrue();
    }

    @Test
    void otherNamesAreCoreFieldsOrCustomVariablesWithoutTheirPrefix() {
        Map<String, String> fields = new HashMap<>();
        fields.put("first_name", "Ann");
        fields.put("lead.company_name", "Northwind");
        fields.put("custom.icp_tier", "A");
        fields.put("deal_stage", "won");
        fields.put("seats", "");

        InstantlyUpdate update = read(fields);

        assertThat(update.patch().fields()).containsOnly(Map.entry("first_name", "Ann"),
                Map.entry("company_name", "Northwind"));
        assertThat(update.patch().customVariables()).containsEntry("icp_tier", "A").containsEntry("deal_stage", "won")
                .containsEntry("seats", null);
    }

    @Test
    void theOwnEmailIsIgnoredButAnotherOneIsRefused() {
        assertThat(read(Map.of("email", "Ann@Example.com")).patch().isEmpty()).isTrue();
        assertThatThrownBy(() -> read(Map.of("email", "other@example.com")))
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("cannot be changed")
                .hasMessageNotContaining("other@example.com");
    }

    @Test
    void valuesOutsideTheVocabularyAreRefusedNamingTheField() {
        assertThatThrownBy(() -> read(Map.of("interest_value", "2.5"))).hasMessageContaining("interest_value");
        assertThatThrownBy(() -> read(Map.of("blocklisted", "false"))).hasMessageContaining("blocklisted must be 'true'");
        assertThatThrownBy(() -> read(Map.of("sequence", "active"))).hasMessageContaining("sequence must be 'stopped'");
    }

    @Test
    void thePatchMergesCustomVariablesIntoTheLeadsCurrentSet() {
        InstantlyLead lead = new InstantlyLead("l1", "ann@example.com", "c1", null, 1, null, Map.of(),
                Map.of("seats", "40", "old", "x"));
        Map<String, String> changes = new HashMap<>();
        changes.put("tier", "A");
        changes.put("old", null);

        String body = new InstantlyLeadPatch(Map.of("first_name", "Ann"), changes).body(lead).toString();

        assertThat(body).isEqualTo("{\"first_name\":\"Ann\",\"custom_variables\":{\"seats\":\"40\",\"tier\":\"A\"}}");
    }
}
