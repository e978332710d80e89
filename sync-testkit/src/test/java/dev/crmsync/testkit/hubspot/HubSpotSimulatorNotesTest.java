package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorNotesTest {
    private static HubSpotSimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private String contact(String email) {
        http.post("/crm/v3/objects/contacts/batch/upsert", upsertBody(false, input(email)));
        return simulator.contactId(email).orElseThrow();
    }

    private static String note(String traceId, String contactId, String key, String timestamp) {
        return "{\"objectWriteTraceId\":\"" + traceId + "\",\"properties\":{\"hs_note_body\":\"Replied: yes\","
                + "\"hs_timestamp\":\"" + timestamp + "\",\"sync_activity_key\":\"" + key + "\"},"
                + "\"associations\":[{\"to\":{\"id\":\"" + contactId + "\"},\"types\":[{\"associationCategory\":"
                + "\"HUBSPOT_DEFINED\",\"associationTypeId\":202}]}]}";
    }

    @Test
    void batchCreateAssociatesEachNoteWithItsContact() {
        // given
        String ann = contact("ann@example.com");
        String bob = contact("bob@example.com");

        // when
        SimHttp.Answer answer = http.post("/crm/v3/objects/notes/batch/create", "{\"inputs\":["
                + note("n0", ann, "k-ann", "2026-01-05T10:00:00Z") + "," + note("n1", bob, "k-bob", "1767607200000")
                + "]}");

        // then
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("results")).hasSize(2);
        assertThat(simulator.notesFor("ann@example.com")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("sync_activity_key", "k-ann")
                        .containsEntry("hs_note_body", "Replied: yes")
                        .containsEntry("hs_timestamp", "2026-01-05T10:00:00Z"));
        assertThat(simulator.notesFor("bob@example.com")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("hs_timestamp", "2026-01-05T10:00:00Z"));
        assertThat(simulator.noteCount()).isEqualTo(2);
    }

    @Test
    void noteForAnUnknownContactFailsOnlyThatInput() {
        // given
        String ann = contact("ann@example.com");

        // when
        SimHttp.Answer answer = http.post("/crm/v3/objects/notes/batch/create", "{\"inputs\":["
                + note("n0", ann, "k0", "2026-01-05T10:00:00Z") + "," + note("n1", "999", "k1", "2026-01-05T10:00:00Z")
                + "]}");

        // then
        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.body().path("errors").path(0).path("context").path("objectWriteTraceId").path(0).asString())
                .isEqualTo("n1");
        assertThat(simulator.noteCount()).isEqualTo(1);
    }

    @Test
    void singleNoteWithoutTimestampIsRejected() {
        // given
        String ann = contact("ann@example.com");

        // when
        SimHttp.Answer answer = http.post("/crm/v3/objects/notes", "{\"properties\":{\"hs_note_body\":\"x\"},"
                + "\"associations\":[{\"to\":{\"id\":\"" + ann + "\"},\"types\":[{\"associationTypeId\":202}]}]}");

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asString()).contains("hs_timestamp");
        assertThat(simulator.noteCount()).isZero();
    }

    @Test
    void searchFindsNotesByActivityKeyWithEqOrIn() {
        // given
        String ann = contact("ann@example.com");
        http.post("/crm/v3/objects/notes/batch/create", "{\"inputs\":[" + note("n0", ann, "k1", "2026-01-05T10:00:00Z")
                + "," + note("n1", ann, "k2", "2026-01-05T10:00:00Z") + "]}");

        // when
        SimHttp.Answer eq = http.post("/crm/v3/objects/notes/search", "{\"filterGroups\":[{\"filters\":[{"
                + "\"propertyName\":\"sync_activity_key\",\"operator\":\"EQ\",\"value\":\"k2\"}]}],"
                + "\"properties\":[\"sync_activity_key\"]}");
        SimHttp.Answer in = http.post("/crm/v3/objects/notes/search", "{\"filterGroups\":[{\"filters\":[{"
                + "\"propertyName\":\"sync_activity_key\",\"operator\":\"IN\",\"values\":[\"k1\",\"k2\",\"k3\"]}]}]}");

        // then
        assertThat(eq.status()).isEqualTo(200);
        assertThat(eq.body().path("total").asInt()).isEqualTo(1);
        assertThat(eq.body().path("results").path(0).path("properties").path("sync_activity_key").asString())
                .isEqualTo("k2");
        assertThat(eq.header("X-HubSpot-RateLimit-Remaining")).isNull();
        assertThat(in.body().path("total").asInt()).isEqualTo(2);
        assertThat(simulator.requestsByOperation()).containsEntry("notes/search", 2);
    }

    @Test
    void contactCanBeReadByEmailOrById() {
        // given
        String ann = contact("ann@example.com");

        // when
        SimHttp.Answer byEmail = http.get("/crm/v3/objects/contacts/ANN@example.com?idProperty=email");
        SimHttp.Answer byId = http.get("/crm/v3/objects/contacts/" + ann + "?properties=email,lifecyclestage");
        SimHttp.Answer missing = http.get("/crm/v3/objects/contacts/nobody@example.com?idProperty=email");

        // then
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.body().path("id").asString()).isEqualTo(ann);
        assertThat(byId.body().path("properties").path("email").asString()).isEqualTo("ann@example.com");
        assertThat(byId.body().path("properties").path("lifecyclestage").isNull()).isTrue();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("category").asString()).isEqualTo("OBJECT_NOT_FOUND");
    }

    @Test
    void statePageSummarisesContactsAndTheirNotesWithoutAuth() {
        // given
        String ann = contact("ann@example.com");
        http.post("/crm/v3/objects/notes/batch/create", "{\"inputs\":[" + note("n0", ann, "k1", "2026-01-05T10:00:00Z")
                + "]}");

        // when
        SimHttp.Answer state = http.withToken(null).get(simulator.statePath());

        // then
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.body().path("contacts").asInt()).isEqualTo(1);
        assertThat(state.body().path("notes").asInt()).isEqualTo(1);
        assertThat(state.body().path("people").path("ann@example.com").path("notes").asInt()).isEqualTo(1);
        assertThat(state.body().path("requestsByOperation").path("notes/batch/create").asInt()).isEqualTo(1);
    }

    @Test
    void resetForgetsRecordsCountsAndFaults() {
        // given
        contact("ann@example.com");
        simulator.failNext(1, 500);

        // when
        simulator.reset();

        // then
        assertThat(simulator.contactCount()).isZero();
        assertThat(simulator.requestCount()).isZero();
        contact("bob@example.com");
        assertThat(simulator.contactCount()).isEqualTo(1);
    }
}
