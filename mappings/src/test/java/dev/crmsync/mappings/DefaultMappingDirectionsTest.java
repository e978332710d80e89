package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import dev.crmsync.core.rules.Plan;
import dev.crmsync.core.rules.Planner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole default mapping, run by the planner on a fresh person, in every direction: the exact
 * fields each change writes in each other system ("-" for the source itself, "(none)" for no upsert; an
 * Instantly unsubscribe or hard bounce is the one write back to its source: the block list).
 * Instantly changes carry campaign c-1, step 1; {@code custom.*} and {@code lead.*} inputs are fields,
 * other Instantly inputs attributes; CRM inputs are property changes.
 */
class DefaultMappingDirectionsTest {
    private static final Mapping DEFAULT = new MappingLoader().loadDefault();
    private static final Set<SystemId> ALL = Set.of(SystemId.of("instantly"), SystemId.of("hubspot"), SystemId.of("salesforce"));
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # source  | event                   | input                               | hubspot                                                                             | salesforce                       | instantly
            instantly | reply_received          |                                     | hs_lead_status=CONNECTED, lifecyclestage=lead                                       | (none)                           | -
            instantly | lead_interested         |                                     | lifecyclestage=salesqualifiedlead, sync_engagement_score=10                         | Status=Working - Contacted       | -
            instantly | lead_meeting_booked     |                                     | lifecyclestage=opportunity                                                          | Status=Working - Meeting Set     | -
            instantly | lead_meeting_completed  |                                     | lifecyclestage=opportunity                                                          | Status=Working - Qualified       | -
            instantly | lead_not_interested     |                                     | lifecyclestage=other, sync_engagement_score=-5, sync_lost_reason=Not interested     | Status=Closed - Not Interested   | -
            instantly | lead_closed             |                                     | lifecyclestage=customer                                                             | (none)                           | -
            instantly | lead_out_of_office      |                                     | (none)                                                                              | (none)                           | -
            instantly | lead_wrong_person       |                                     | hs_lead_status=UNQUALIFIED                                                          | Status=Closed - Disqualified     | -
            instantly | lead_unsubscribed       |                                     | sync_do_not_contact=true, sync_suppression_reason=unsubscribed                      | HasOptedOutOfEmail=true          | blocklisted=true
            instantly | email_bounced           | bounce_type=hard                    | sync_do_not_contact=true, sync_engagement_score=-10, sync_suppression_reason=hard_bounce | HasOptedOutOfEmail=true     | blocklisted=true
            instantly | email_bounced           | bounce_type=soft                    | (none)                                                                              | (none)                           | (none)
            instantly | email_opened            |                                     | sync_engagement_score=1                                                             | (none)                           | -
            instantly | email_link_clicked      |                                     | sync_engagement_score=3                                                             | (none)                           | -
            instantly | campaign_completed      |                                     | sync_engagement_score=-3                                                            | (none)                           | -
            instantly | lead_updated            | custom.seniority= VP                | sync_seniority=executive                                                            | (none)                           | -
            instantly | lead_updated            | custom.seniority=intern             | sync_seniority=individual                                                           | (none)                           | -
            instantly | lead_updated            | custom.linkedin_url=linkedin.com/in/ann | sync_linkedin_url=linkedin.com/in/ann                                           | (none)                           | -
            instantly | lead_updated            | lead.first_name=Annie               | (none)                                                                              | (none)                           | -
            hubspot   | contact.propertyChange  | lifecyclestage=salesqualifiedlead   | -                                                                                   | (none)                           | interest_value=1
            hubspot   | contact.propertyChange  | lifecyclestage=opportunity          | -                                                                                   | (none)                           | interest_value=2, sequence=stopped
            hubspot   | contact.propertyChange  | lifecyclestage=other                | -                                                                                   | (none)                           | interest_value=-1
            hubspot   | contact.propertyChange  | hs_lead_status=UNQUALIFIED          | -                                                                                   | (none)                           | interest_value=-2
            hubspot   | contact.propertyChange  | lifecyclestage=customer             | -                                                                                   | (none)                           | interest_value=4, sequence=stopped
            hubspot   | contact.propertyChange  | sync_do_not_contact=true            | -                                                                                   | (none)                           | blocklisted=true
            hubspot   | contact.propertyChange  | firstname= Ann                      | -                                                                                   | (none)                           | lead.first_name=Ann
            hubspot   | contact.propertyChange  | jobtitle=CTO                        | -                                                                                   | (none)                           | custom.job_title=CTO
            hubspot   | contact.propertyChange  | website=HTTPS://Acme.Example        | -                                                                                   | (none)                           | lead.website=https://acme.example
            salesforce | lead.updated           | Status=Working - Contacted          | (none)                                                                              | -                                | interest_value=1
            salesforce | lead.updated           | Status=Working - Meeting Set        | (none)                                                                              | -                                | interest_value=2, sequence=stopped
            salesforce | lead.updated           | Status=Working - Qualified          | (none)                                                                              | -                                | interest_value=3
            salesforce | lead.updated           | Status=Closed - Not Interested      | (none)                                                                              | -                                | interest_value=-1
            salesforce | lead.updated           | Status=Closed - Disqualified        | (none)                                                                              | -                                | interest_value=-2
            salesforce | lead.updated           | HasOptedOutOfEmail=true             | (none)                                                                              | -                                | blocklisted=true
            salesforce | lead.updated           | Company=Acme                        | (none)                                                                              | -                                | lead.company_name=Acme
            """)
    void eachChangeWritesExactlyTheseFieldsInEachOtherSystem(String source, String event, String input, String hubspot,
                                                             String salesforce, String instantly) {
        Planner planner = new Planner(DEFAULT, new InMemoryFieldStateStore());

        Plan plan = planner.plan(change(SystemId.of(source), event, input), ALL);

        Map<String, String> expected = Map.of("hubspot", hubspot, "salesforce", salesforce, "instantly", instantly);
        expected.forEach((target, fields) -> {
            if (!fields.equals("-")) {
                assertThat(written(plan, SystemId.of(target))).as("%s from %s %s %s", target, source, event, input)
                        .isEqualTo(fields);
            }
        });
    }

    private static CanonicalChange change(SystemId source, String event, String input) {
        Map<String, String> values = new LinkedHashMap<>();
        if (input != null) {
            values.put(input.substring(0, input.indexOf('=')), input.substring(input.indexOf('=') + 1));
        }
        CanonicalChange change = CanonicalChange.of(source, Identity.ofEmail("ann@acme.example"), event, T);
        if (!source.value().equals("instantly")) {
            return change.withFields(values);
        }
        Map<String, String> attributes = new LinkedHashMap<>(Map.of("campaign_id", "c-1", "step", "1"));
        Map<String, String> fields = new LinkedHashMap<>();
        values.forEach((key, value) -> (key.startsWith("custom.") || key.startsWith("lead.") ? fields : attributes).put(key, value));
        return change.withAttributes(attributes).withFields(fields);
    }

    /** The upsert's fields as the table writes them: sorted {@code field=value} pairs, or {@code (none)}. */
    private static String written(Plan plan, SystemId target) {
        return plan.commands().stream().filter(c -> c instanceof Command.Upsert && c.target().equals(target))
                .map(c -> new TreeMap<>(((Command.Upsert) c).fields()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                .findFirst().orElse("(none)");
    }
}
