package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldGroup;
import dev.crmsync.core.mapping.Flow;
import dev.crmsync.core.mapping.Ownership;
import dev.crmsync.core.model.SystemId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ownership section as the engine sees it, from the default mapping (DESIGN.md's default ownership). */
class OwnershipReadingTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId SALESFORCE = SystemId.of("salesforce");
    private static final Ownership OWNERSHIP = new MappingLoader().loadDefault().ownership();

    private static FieldGroup group(SystemId system, String field) {
        return OWNERSHIP.groupOf(system, field).orElseThrow();
    }

    @Test
    void engagementFlowsFromInstantlyToTheCrms() {
        FieldGroup engagement = group(HUBSPOT, "sync_engagement_score");

        assertThat(engagement.name()).isEqualTo("engagement");
        assertThat(engagement.sources()).containsExactly(INSTANTLY);
        assertThat(engagement.flows()).containsExactly(Flow.parse("instantly->hubspot"), Flow.parse("instantly->salesforce"));
        assertThat(engagement.effectiveConflict()).isEqualTo(ConflictRule.priority(List.of(INSTANTLY)));
    }

    @Test
    void leadStatusIsBidirectionalWithTheLatestObservationWinning() {
        FieldGroup leadStatus = group(SALESFORCE, "Status");

        assertThat(leadStatus.sources()).containsExactlyInAnyOrder(INSTANTLY, HUBSPOT, SALESFORCE);
        assertThat(leadStatus.allows(HUBSPOT, INSTANTLY)).isTrue();
        assertThat(leadStatus.allows(HUBSPOT, SALESFORCE)).isFalse();
        assertThat(leadStatus.conflict()).contains(ConflictRule.latestWins());
        assertThat(group(INSTANTLY, "interest_value")).isSameAs(leadStatus);
    }

    @Test
    void contactInfoAndAccountDataBelongToTheCrms() {
        assertThat(group(INSTANTLY, "lead.first_name").name()).isEqualTo("contact_info");
        assertThat(group(INSTANTLY, "lead.first_name").allows(INSTANTLY, HUBSPOT)).isFalse();
        assertThat(group(INSTANTLY, "lead.company_name").effectiveConflict())
                .isEqualTo(ConflictRule.priority(List.of(SALESFORCE, HUBSPOT)));
    }

    @Test
    void sequenceMembershipIsInstantlysAndSuppressionTheCrmsPushedToInstantly() {
        assertThat(group(HUBSPOT, "sync_sequence_name").sources()).containsExactly(INSTANTLY);
        FieldGroup suppression = group(INSTANTLY, "blocklisted");
        assertThat(suppression.sources()).containsExactlyInAnyOrder(HUBSPOT, SALESFORCE);
        assertThat(suppression.flows()).containsExactly(Flow.parse("hubspot->instantly"), Flow.parse("salesforce->instantly"));
    }

    @Test
    void sourceBothMeansEverySystemAFlowStartsFrom() {
        Ownership ownership = new MappingLoader().parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot, salesforce]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                ownership:
                  notes:
                    source: both
                    flows: [instantly -> hubspot, hubspot->instantly]
                    conflict: { priority: [hubspot, instantly] }
                    fields: { hubspot: [notes], instantly: [custom.notes] }
                """).ownership();

        FieldGroup notes = ownership.groupOf(HUBSPOT, "notes").orElseThrow();
        assertThat(notes.sources()).containsExactlyInAnyOrder(INSTANTLY, HUBSPOT);
        assertThat(notes.allows(INSTANTLY, HUBSPOT)).isTrue();
        assertThat(notes.conflict()).contains(ConflictRule.priority(List.of(HUBSPOT, INSTANTLY)));
    }
}
