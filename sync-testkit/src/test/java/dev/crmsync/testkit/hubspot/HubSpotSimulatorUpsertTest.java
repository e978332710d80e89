package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorUpsertTest {
    private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
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

    @Test
    void upsertCreatesThenUpdatesTheSameContactMatchingEmailIgnoringCase() {
        // when
        SimHttp.Answer created = http.post(UPSERT, upsertBody(false, input("Ann@Example.com", "firstname", "Ann")));
        SimHttp.Answer updated = http.post(UPSERT, upsertBody(false, input("ann@example.com", "lastname", "Lee")));

        // then
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("status").asString()).isEqualTo("COMPLETE");
        assertThat(created.body().path("results").path(0).path("new").asBoolean()).isTrue();
        assertThat(updated.body().path("results").path(0).path("new").asBoolean()).isFalse();
        assertThat(updated.body().path("results").path(0).path("id").asString())
                .isEqualTo(created.body().path("results").path(0).path("id").asString());
        assertThat(simulator.contactCount()).isEqualTo(1);
        assertThat(simulator.contact("ANN@example.com").orElseThrow())
                .containsEntry("email", "ann@example.com").containsEntry("firstname", "Ann")
                .containsEntry("lastname", "Lee");
        assertThat(simulator.requestsByOperation()).containsEntry("contacts/batch/upsert", 2);
    }

    @Test
    void moreThanOneHundredInputsAreRejectedWith400() {
        // given
        String[][] inputs = IntStream.range(0, 101).mapToObj(i -> input("p" + i + "@example.com"))
                .toArray(String[][]::new);

        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(false, inputs));

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("category").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(simulator.contactCount()).isZero();
    }

    @Test
    void oneUnknownPropertyGives207ThatNamesTheInputAndAppliesTheOthers() {
        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true,
                input("a@example.com", "firstname", "A"),
                input("b@example.com", "favourite_colour", "blue"),
                input("c@example.com", "lifecyclestage", "lead")));

        // then
        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.body().path("numErrors").asInt()).isEqualTo(1);
        assertThat(answer.body().path("results")).hasSize(2);
        var error = answer.body().path("errors").path(0);
        assertThat(error.path("status").asString()).isEqualTo("error");
        assertThat(error.path("category").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.path("message").asString()).startsWith("Property values were not valid")
                .contains("PROPERTY_DOESNT_EXIST").contains("favourite_colour");
        assertThat(error.path("context").path("objectWriteTraceId").path(0).asString()).isEqualTo("t1");
        assertThat(simulator.contact("a@example.com")).isPresent();
        assertThat(simulator.contact("b@example.com")).isEmpty();
        assertThat(simulator.contact("c@example.com").orElseThrow()).containsEntry("lifecyclestage", "lead");
    }

    @Test
    void invalidEnumerationOptionIsReportedAsInvalidOption() {
        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true,
                input("a@example.com", "hs_lead_status", "NEW"),
                input("b@example.com", "lifecyclestage", "unqualified")));

        // then
        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.body().path("errors").path(0).path("message").asString()).contains("INVALID_OPTION")
                .contains("unqualified");
        assertThat(simulator.contact("a@example.com").orElseThrow()).containsEntry("hs_lead_status", "NEW");
    }

    @Test
    void everyInputBadStillAnswers207WithNoResults() {
        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true,
                input("a@example.com", "nope", "1"), input("b@example.com", "sync_do_not_contact", "yes")));

        // then
        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.body().path("results")).isEmpty();
        assertThat(answer.body().path("errors")).hasSize(2);
        assertThat(simulator.contactCount()).isZero();
    }

    @Test
    void withoutTraceIdsOneBadInputFailsTheWholeBatch() {
        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(false,
                input("a@example.com", "firstname", "A"), input("b@example.com", "nope", "1")));

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("category").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(answer.body().path("errors").path(0).path("context").path("propertyName").path(0).asString())
                .isEqualTo("nope");
        assertThat(simulator.contactCount()).isZero();
    }

    @Test
    void withPartialEmailUpsertsOffOneBadInputFailsTheWholeBatchEvenWithTraceIds() {
        // given
        simulator.setPartialEmailUpserts(false);

        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true,
                input("a@example.com", "firstname", "A"), input("b@example.com", "nope", "1")));

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(simulator.contactCount()).isZero();
    }

    @Test
    void definedPropertyBecomesWritableAndItsOptionsAreEnforced() {
        // given
        simulator.defineProperty("contacts", "sync_tier", List.of("gold", "silver"));

        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true,
                input("a@example.com", "sync_tier", "gold"), input("b@example.com", "sync_tier", "bronze")));

        // then
        assertThat(answer.status()).isEqualTo(207);
        assertThat(simulator.contact("a@example.com").orElseThrow()).containsEntry("sync_tier", "gold");
        assertThat(simulator.contact("b@example.com")).isEmpty();
    }

    @Test
    void invalidEmailIsReportedForItsInput() {
        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true, input("not-an-email"), input("ok@example.com")));

        // then
        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.body().path("errors").path(0).path("message").asString()).contains("INVALID_EMAIL");
        assertThat(simulator.contactCount()).isEqualTo(1);
    }

    @Test
    void duplicateEmailsInOneBatchAreRejected() {
        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true, input("a@example.com"), input("A@example.com")));

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asString()).startsWith("Duplicate IDs");
    }

    @Test
    void oneHundredInputsAreAccepted() {
        // given
        String[][] inputs = IntStream.range(0, 100).mapToObj(i -> input("p" + i + "@example.com"))
                .toArray(String[][]::new);

        // when
        SimHttp.Answer answer = http.post(UPSERT, upsertBody(true, inputs));

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("results").valueStream().map(r -> r.path("objectWriteTraceId").asString())
                .collect(Collectors.toSet())).hasSize(100);
        assertThat(simulator.contactCount()).isEqualTo(100);
    }
}
