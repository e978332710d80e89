package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.Transform;
import dev.crmsync.core.model.SystemId;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Field mappings and their transforms, read from the {@code fields} section. */
class FieldMappingReadingTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId SALESFORCE = SystemId.of("salesforce");

    private final Mapping mapping = new MappingLoader().parse("inline.yaml", """
            version: 1
            systems: [instantly, hubspot, salesforce]
            statuses:
              replied:
                instantly: { on: [reply_received] }
            fields:
              instantly:
                custom.seniority:
                  transform: [trim, lower-case]
                  to:
                    hubspot: sync_seniority
                    salesforce:
                      field: Seniority__c
                      transform: [{ lookup: { table: { vp: Executive, "007": Agent }, default: Other } }, upper-case]
                custom.meeting_date:
                  to: { hubspot: { field: sync_meeting_date, transform: [{ date: { format: epoch-millis } }] },
                        salesforce: { field: Meeting_Date__c, transform: [{ date: { format: yyyy-MM-dd, zone: Europe/Paris } }] } }
              hubspot:
                lifecyclestage:
                  forward-only: [lead, opportunity]
                  to: { instantly: custom.stage }
            """);

    private FieldMapping to(SystemId target, String field) {
        return mapping.fieldMappings().stream().filter(m -> m.target().equals(target) && m.field().equals(field))
                .findFirst().orElseThrow();
    }

    @Test
    void targetGivenAsAFieldNameTakesTheFieldLevelTransforms() {
        FieldMapping seniority = to(HUBSPOT, "custom.seniority");

        assertThat(seniority).isEqualTo(new FieldMapping(INSTANTLY, "custom.seniority", HUBSPOT, "sync_seniority",
                List.of(new Transform.Trim(), new Transform.LowerCase())));
        assertThat(seniority.convert("  VP ")).contains("vp");
    }

    @Test
    void targetBlockAddsItsTransformsAfterTheFieldLevelOnes() {
        FieldMapping seniority = to(SALESFORCE, "custom.seniority");

        assertThat(seniority.targetField()).isEqualTo("Seniority__c");
        assertThat(seniority.transforms()).containsExactly(new Transform.Trim(), new Transform.LowerCase(),
                new Transform.Lookup(Map.of("vp", "Executive", "007", "Agent"), Optional.of("Other")), new Transform.UpperCase());
        assertThat(seniority.convert(" VP")).contains("EXECUTIVE");
        assertThat(seniority.convert("intern")).contains("OTHER");
    }

    @Test
    void dateTransformTakesItsFormatAndZone() {
        assertThat(to(HUBSPOT, "custom.meeting_date").transforms())
                .containsExactly(new Transform.DateFormat("epoch-millis", ZoneOffset.UTC));
        assertThat(to(SALESFORCE, "custom.meeting_date").transforms())
                .containsExactly(new Transform.DateFormat("yyyy-MM-dd", ZoneId.of("Europe/Paris")));
        assertThat(to(SALESFORCE, "custom.meeting_date").convert("2026-11-01T23:30:00Z")).contains("2026-11-02");
    }

    @Test
    void forwardOnlyAndToLiveSideBySide() {
        assertThat(mapping.fieldRule(HUBSPOT, "lifecyclestage").orElseThrow().isForwardOnly()).isTrue();
        assertThat(to(INSTANTLY, "lifecyclestage").targetField()).isEqualTo("custom.stage");
        assertThat(mapping.fieldRule(INSTANTLY, "custom.seniority")).as("a mapping alone is no field rule").isEmpty();
    }
}
