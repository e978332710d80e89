package dev.crmsync.adapter.salesforce;

import static dev.crmsync.adapter.salesforce.SalesforceFixture.task;
import static dev.crmsync.adapter.salesforce.SalesforceFixture.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.OutboundItem;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.core.spi.WriteResult;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import dev.crmsync.testkit.salesforce.SimRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceCommandWriterIT {
    private SalesforceSimulator simulator;

    @BeforeEach
    void start() {
        simulator = SalesforceSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void oneInvalidPicklistValueFailsOnlyItsRecordInABatchOfTwoHundred() {
        // given
        List<OutboundItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(upsert("p" + i + "@example.com", Map.of("Status", i == 117 ? "Hot!!" : "Working - Contacted")));
        }

        // when
        WriteResult result = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow().write(items);

        // then
        assertThat(result.outcomes()).hasSize(200);
        WriteOutcome bad = result.outcomes().get("upsert:p117@example.com");
        assertThat(bad).isInstanceOfSatisfying(WriteOutcome.Failed.class, failed -> {
            assertThat(failed.error()).isInstanceOf(PermanentAdapterException.class);
            assertThat(failed.error().getMessage()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                    .contains("bad value for restricted picklist field: Hot!!");
        });
        assertThat(result.outcomes().values().stream().filter(o -> o instanceof WriteOutcome.Written)).hasSize(199);
        assertThat(simulator.leads()).hasSize(199)
                .allSatisfy(lead -> assertThat(lead.get("Status")).isEqualTo("Working - Contacted"));
        assertThat(simulator.callCounts()).containsEntry("create", 1);
    }

    @Test
    void twoThousandNewPeopleAreLookedUpWithTwoQueriesAndCreatedInTenCalls() {
        // given
        List<OutboundItem> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(upsert("p" + i + "@example.com", Map.of("Status", "Working - Contacted")));
        }
        CommandWriter writer = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow();

        // when
        WriteResult result = writer.write(items);

        // then: 12 calls for 2,000 records, 0.006 a record
        assertThat(writer.maxBatchSize()).isEqualTo(2_000);
        assertThat(result.outcomes().values()).hasSize(2_000).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(simulator.leads()).hasSize(2_000);
        assertThat(simulator.callCounts()).containsOnly(Map.entry("query", 2), Map.entry("create", 10));
    }

    @Test
    void peopleFoundBeyondTheFirstPageOfTheAnswerAreUpdatedNotCreatedAgain() {
        // given: more Leads than one page of a query's answer holds (2,000)
        List<OutboundItem> items = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            simulator.addLead(Map.of("Email", "p" + i + "@example.com", "LastName", "Lee", "Company", "Acme"));
            items.add(upsert("p" + i + "@example.com", Map.of("Title", "CEO")));
        }

        // when
        WriteResult result = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow().write(items);

        // then
        assertThat(result.outcomes().values()).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(simulator.leads()).hasSize(2_100).allSatisfy(lead -> assertThat(lead.get("Title")).isEqualTo("CEO"));
        assertThat(simulator.callCounts()).containsEntry("queryMore", 1).containsEntry("update", 11)
                .doesNotContainKey("create");
    }

    @Test
    void aFailedCallKeepsTheCallsBeforeItAndFailsTheRestWithoutCallingAgain() {
        // given: one Contact to update, then 400 new people to create in two calls, the first of which fails
        simulator.addContact(Map.of("Email", "ann@example.com", "LastName", "Lee"));
        List<OutboundItem> items = new ArrayList<>(List.of(upsert("ann@example.com", Map.of("Title", "CEO"))));
        for (int i = 0; i < 400; i++) {
            items.add(upsert("p" + i + "@example.com", Map.of("Status", "Working - Contacted")));
        }
        simulator.failNext("create", 1, "SERVER_UNAVAILABLE");

        // when
        WriteResult result = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow().write(items);

        // then
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(result.outcomes().entrySet().stream().filter(e -> !e.getKey().equals("upsert:ann@example.com")))
                .hasSize(400).allSatisfy(e -> assertThat(e.getValue()).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                        failed -> assertThat(failed.error()).isInstanceOf(TransientAdapterException.class)
                                .hasMessageContaining("SERVER_UNAVAILABLE")));
        // Only the first create was planned to fail: no Lead at all means the second was never sent.
        assertThat(simulator.leads()).isEmpty();
        assertThat(simulator.callCounts()).containsEntry("update", 1);
    }

    @Test
    void aPersonWhoIsAContactIsUpdatedAsTheContactWithoutLeadOnlyFields() {
        // given
        String contactId = simulator.addContact(Map.of("Email", "ann@example.com", "LastName", "Lee"));
        String leadId = simulator.addLead(Map.of("Email", "ann@example.com", "LastName", "Lee", "Company", "Acme"));

        // when
        WriteResult result = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow()
                .write(List.of(upsert("ann@example.com", Map.of("Status", "Working - Contacted", "Title", "CTO"))));

        // then
        assertThat(result.outcomes().get("upsert:ann@example.com"))
                .isEqualTo(WriteOutcome.written(contactId, "updated Contact"));
        SimRecord contact = simulator.record(contactId).orElseThrow();
        assertThat(contact.get("Title")).isEqualTo("CTO");
        assertThat(contact.get("Last_Updated_By_Source__c")).isEqualTo("crm-sync");
        assertThat(contact.lastModifiedById()).isEqualTo(SalesforceSimulator.INTEGRATION_USER_ID);
        assertThat(simulator.record(leadId).orElseThrow().get("Title")).isNull();
        assertThat(simulator.callClients()).isNotEmpty().allMatch("crm-sync"::equals);
    }

    @Test
    void leadFirstPrefersTheLead() {
        // given
        simulator.addContact(Map.of("Email", "ann@example.com", "LastName", "Lee"));
        String leadId = simulator.addLead(Map.of("Email", "ann@example.com", "LastName", "Lee", "Company", "Acme"));

        // when
        SalesforceFixture.adapter(simulator, Map.of("lookup-order", "lead-first")).commandWriter().orElseThrow()
                .write(List.of(upsert("ann@example.com", Map.of("Status", "Working - Meeting Set"))));

        // then
        assertThat(simulator.record(leadId).orElseThrow().get("Status")).isEqualTo("Working - Meeting Set");
    }

    @Test
    void someoneUnknownBecomesALeadWithThePlaceholdersSalesforceRequires() {
        // when
        WriteResult result = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow()
                .write(List.of(upsert("new@example.com", Map.of("Status", "Working - Contacted"))));

        // then
        SimRecord lead = simulator.leadByEmail("new@example.com").orElseThrow();
        assertThat(result.outcomes().get("upsert:new@example.com"))
                .isEqualTo(WriteOutcome.written(lead.id(), "created Lead"));
        assertThat(lead.get("LastName")).isEqualTo("[not provided]");
        assertThat(lead.get("Company")).isEqualTo("[not provided]");
        assertThat(lead.get("Status")).isEqualTo("Working - Contacted");
    }

    @Test
    void anUpsertFieldUpsertsLeadsByItWithoutOverwritingTheNamesOfOnesThatExist() {
        // given
        String leadId = simulator.addLead(Map.of("Email", "ann@example.com", "LastName", "Lee", "Company", "Acme"));

        // when
        SalesforceFixture.adapter(simulator, Map.of("upsert-field", "Email")).commandWriter().orElseThrow().write(List.of(
                upsert("ann@example.com", Map.of("Status", "Working - Qualified")),
                upsert("bob@example.com", Map.of("Status", "Working - Qualified"))));

        // then
        assertThat(simulator.callCounts()).containsEntry("upsert", 1).doesNotContainKey("create");
        SimRecord ann = simulator.record(leadId).orElseThrow();
        assertThat(ann.get("Status")).isEqualTo("Working - Qualified");
        assertThat(ann.get("LastName")).isEqualTo("Lee");
        assertThat(simulator.leadByEmail("bob@example.com").orElseThrow().get("Company")).isEqualTo("[not provided]");
    }

    @Test
    void aTaskRetriedOrReplayedIsWrittenOnce() {
        // given
        var writer = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow();
        OutboundItem reply = task("ann@example.com", "reply:msg-1");

        // when
        WriteResult first = writer.write(List.of(reply));
        WriteResult again = writer.write(List.of(SalesforceFixture.retried(reply)));

        // then
        assertThat(simulator.tasks()).hasSize(1);
        SimRecord task = simulator.tasks().get(0);
        assertThat(task.get("Sync_Key__c")).isEqualTo("reply:msg-1");
        assertThat(task.get("WhoId")).isEqualTo(simulator.leadByEmail("ann@example.com").orElseThrow().id());
        assertThat(task.get("Status")).isEqualTo("Completed");
        assertThat(first.outcomes().get("activity:reply:msg-1")).isEqualTo(WriteOutcome.written(task.id(),
                "upsert Task created"));
        assertThat(again.outcomes().get("activity:reply:msg-1")).isEqualTo(WriteOutcome.written(task.id(),
                "upsert Task updated"));
        assertThat(simulator.leads()).hasSize(1);
    }
}
