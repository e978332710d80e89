package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7: the crm-to-instantly backfill pages HubSpot contacts changed since a date (HubSpot's record
 * source) and pushes what the ownership rules allow to Instantly; a dry run changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmToInstantlyJobIT {
    private static final int RECENT = 40;
    private static final int OLD = 10;

    private static BackfillRig rig;
    private static RunningService service;
    private static AdminJobs admin;
    private static final List<String> recent = new ArrayList<>();
    private static final List<String> old = new ArrayList<>();

    @BeforeAll
    static void start() {
        rig = new BackfillRig();
        service = rig.startService();
        admin = new AdminJobs(service);
        // given: reps moved 40 contacts to Opportunity yesterday, 10 others long ago; all are Instantly leads
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < RECENT + OLD; i++) {
            boolean isRecent = i < RECENT;
            String email = (isRecent ? "deal" : "stale") + i + "@crm.example";
            rig.instantly.addLead(email, null);
            rig.hubspot.importContact(email, Map.of("lifecyclestage", "opportunity"),
                    isRecent ? yesterday : Instant.parse("2020-01-01T00:00:00Z"));
            (isRecent ? recent : old).add(email);
        }
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    @Order(1)
    void aDryRunReportsTheInterestUpdatesItWouldMakeAndMakesNone() throws Exception {
        // when
        JsonNode end = admin.awaitEnd(admin.start("crm-to-instantly", Map.of("since", since(), "dryRun", true)),
                Duration.ofMinutes(2));

        // then
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(end.path("readCount").asLong()).isEqualTo(RECENT);
        assertThat(end.path("report").toString()).contains("instantly");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(service::isDrained);
        recent.forEach(email -> assertThat(rig.instantly.interestUpdates(email)).as(email).isZero());
        assertThat(count("outbound_command")).isZero();
    }

    @Test
    @Order(2)
    void contactsChangedSinceTheDateReachInstantlyOnceAndOlderOnesAreLeftAlone() throws Exception {
        // when
        JsonNode end = admin.awaitEnd(admin.start("crm-to-instantly", Map.of("since", since())), Duration.ofMinutes(2));

        // then: Opportunity is "meeting booked" (interest value 2) in the default mapping
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(end.path("readCount").asLong()).isEqualTo(RECENT);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> recent.forEach(email ->
                assertThat(rig.instantly.interestStatus(email)).as(email).contains(2)));
        await().atMost(Duration.ofMinutes(1)).until(service::isDrained);
        recent.forEach(email -> assertThat(rig.instantly.interestUpdates(email)).as(email).isEqualTo(1));
        old.forEach(email -> assertThat(rig.instantly.interestUpdates(email)).as(email).isZero());
    }

    @Test
    @Order(3)
    void runningTheSameBackfillAgainWritesNothingNew() throws Exception {
        // when
        JsonNode end = admin.awaitEnd(admin.start("crm-to-instantly", Map.of("since", since())), Duration.ofMinutes(2));

        // then
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(service::isDrained);
        recent.forEach(email -> assertThat(rig.instantly.interestUpdates(email)).as(email).isEqualTo(1));
    }

    private static String since() {
        return Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
    }

    private static long count(String table) {
        return service.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }
}
