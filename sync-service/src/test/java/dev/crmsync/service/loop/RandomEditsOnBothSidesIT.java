package dev.crmsync.service.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.instantly.InstantlyAndHubSpot;
import dev.crmsync.testkit.hubspot.ContactWrite;
import dev.crmsync.testkit.instantly.SimulatedLead;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two hundred seeded random edits, spread over about a minute, by reps in HubSpot and by people labelling
 * leads in Instantly, for the same four people: at the end both systems agree by the default mapping's
 * ownership rules, and neither simulator received a write that changed nothing.
 *
 * <p>A person is edited again only once the engine has finished with that person's previous edit, as a
 * person who edits after seeing the last sync would: an edit made while our write to the same field is on
 * its way is the one race no guard that sees only webhooks can settle (see docs/mappings.md). Edits of
 * different people overlap freely. Instantly's event for a label our write changed is sent as Instantly
 * sends it (the simulator does not), and must come back as an echo, never as a write to HubSpot.
 */
class RandomEditsOnBothSidesIT {
    private static final List<String> PEOPLE = List.of("ann@acme.example", "bob@acme.example",
            "cyd@acme.example", "dee@acme.example");
    private static final int EDITS = 200;
    private static final Duration PACE = Duration.ofMillis(300);

    @Test
    void bothSystemsAgreeAndNoWriteIsRepeated() throws Exception {
        try (InstantlyAndHubSpot sync = new InstantlyAndHubSpot()) {
            sync.subscribe(sync.webhookEndpoint());
            PEOPLE.forEach(sync::addLead);
            Random random = new Random(20_261_124L);
            Map<String, ExpectedPerson> expected = new HashMap<>();
            PEOPLE.forEach(p -> expected.put(p, new ExpectedPerson()));

            // when
            for (int i = 0; i < EDITS; i++) {
                String person = PEOPLE.get(random.nextInt(PEOPLE.size()));
                ExpectedPerson model = expected.get(person);
                awaitSettled(sync, person);
                instantlyReportsOurWrite(sync, person, model);
                if (random.nextBoolean()) {
                    repEdit(sync, random, person, model);
                } else {
                    instantlyEdit(sync, random, person, model, i);
                }
                Thread.sleep(PACE.toMillis());
            }
            for (String person : PEOPLE) {
                awaitSettled(sync, person);
                instantlyReportsOurWrite(sync, person, expected.get(person));
            }
            sync.settle();

            // then both sides hold what the ownership rules say
            for (String person : PEOPLE) {
                ExpectedPerson model = expected.get(person);
                Map<String, String> contact = sync.hubspot.contact(person).orElse(Map.of());
                model.hubspot.forEach((property, value) ->
                        assertThat(contact.getOrDefault(property, "")).as(person + " HubSpot " + property)
                                .isEqualTo(value));
                SimulatedLead lead = sync.instantly.lead(person).orElseThrow();
                assertThat(lead.interestStatus()).as(person + " Instantly interest").isEqualTo(model.interest);
                model.instantlyFields.forEach((field, value) -> assertThat(instantlyValue(lead, field))
                        .as(person + " Instantly " + field).isEqualTo(value));
                assertThat(sync.hubspot.notesFor(person)).as(person + " one note per reply").hasSize(model.replies);
                assertThat(sync.instantly.interestUpdates(person)).as(person + " at most one write per rep change")
                        .isLessThanOrEqualTo(model.repStatusChanges);
            }
            // and no write repeated a value the record already held
            List<ContactWrite> writes = sync.hubspot.contactWrites();
            assertThat(writes).as("HubSpot writes").isNotEmpty();
            assertThat(writes).allSatisfy(write -> assertThat(write.requested().keySet())
                    .as("properties written to " + write.email() + " in request " + write.request())
                    .noneMatch(write::isNoOp));
            assertThat(PEOPLE.stream().mapToInt(sync.instantly::interestUpdates).sum()).as("Instantly writes")
                    .isPositive();
        }
    }

    /** A rep changes a lead-status property (a status for Instantly) or a contact property HubSpot owns. */
    private static void repEdit(InstantlyAndHubSpot sync, Random random, String person, ExpectedPerson model) {
        String[][] choices = {
                {"lifecyclestage", "salesqualifiedlead"}, {"lifecyclestage", "other"}, {"hs_lead_status", "UNQUALIFIED"},
                {"firstname", "Ann"}, {"firstname", "Annie"}, {"firstname", "Anna"},
                {"jobtitle", "CTO"}, {"jobtitle", "VP Sales"}, {"company", "Acme"}, {"company", "Acme Corp"}};
        String[] choice = choices[random.nextInt(choices.length)];
        sync.hubspot.repEdit(person, Map.of(choice[0], choice[1]));
        model.repSet(choice[0], choice[1]);
    }

    /** A person labels the lead in Instantly (Instantly then sends the event), or the lead replies. */
    private static void instantlyEdit(InstantlyAndHubSpot sync, Random random, String person, ExpectedPerson model,
                                      int i) throws Exception {
        int pick = random.nextInt(10);
        if (pick < 3) {
            sync.instantly.sendEvent("reply_received", person, Map.of("email_id", "reply-" + i,
                    "reply_text", "Reply " + i)).get();
            model.replied();
            return;
        }
        String[][] labels = {{"lead_interested", "1"}, {"lead_not_interested", "-1"}, {"lead_wrong_person", "-2"}};
        String[] label = labels[pick % 3];
        if (Integer.valueOf(label[1]).equals(model.interest)) {
            return; // the lead already has this label: nothing changes, Instantly sends nothing
        }
        sync.instantly.labelLead(person, Integer.valueOf(label[1]));
        model.seenInterest = Integer.valueOf(label[1]);
        sync.instantly.sendEvent(label[0], person, Map.of()).get();
        model.labelled(label[0], Integer.valueOf(label[1]));
    }

    /**
     * Instantly sends an event when a lead's interest status changes, through the API too; its simulator
     * leaves that to the test. When our write changed the lead's label, Instantly's event for it goes out
     * before the person is edited again: the engine must take it as the echo of its own write.
     */
    private static void instantlyReportsOurWrite(InstantlyAndHubSpot sync, String person, ExpectedPerson model)
            throws Exception {
        Integer now = sync.instantly.interestStatus(person).orElse(null);
        if (now == null || now.equals(model.seenInterest)) {
            return;
        }
        String event = Map.of(1, "lead_interested", -1, "lead_not_interested", -2, "lead_wrong_person").get(now);
        sync.instantly.sendEvent(event, person, Map.of()).get();
        model.seenInterest = now;
        awaitSettled(sync, person);
    }

    /** The engine has planned and sent everything about this person (HubSpot events name no email until planned). */
    private static void awaitSettled(InstantlyAndHubSpot sync, String person) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                sync.service.jdbc().queryForObject("select (select count(*) from inbound_queue q join inbound_event e "
                                + "on e.id = q.event_id where e.email = ? or e.email is null) "
                                + "+ (select count(*) from outbound_command where status = 'pending' and record_key = ?)",
                        Integer.class, person, person) == 0);
    }

    /** A lead field as the mapping names it: {@code lead.<key>} or {@code custom.<variable>}. */
    private static String instantlyValue(SimulatedLead lead, String field) {
        String name = field.substring(field.indexOf('.') + 1);
        return field.startsWith("custom.") ? lead.customVariables().getOrDefault(name, lead.fields().get(name))
                : lead.fields().get(name);
    }
}
