package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input at both webhook endpoints: every refusal is a 4xx whose JSON body says why, never a 5xx
 * or a stack trace; a refused request stores nothing; a well-formed one may be stored; afterwards the
 * service is healthy and works through what it stored.
 */
class WebhookFuzzIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static HubSpotSimulator hubspot;
    private static RunningService service;
    private static FuzzCorpus corpus;
    private static HubSpotSigning signing;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start();
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.hubspot.client-secret", HubSpotSigning.CLIENT_SECRET);
        settings.put("sync.adapters.hubspot.app-id", Long.toString(HubSpotSigning.APP_ID));
        service = RunningService.start(settings);
        signing = new HubSpotSigning(service.uri(FuzzCorpus.HUBSPOT));
        corpus = new FuzzCorpus(signing);
    }

    @AfterAll
    static void stop() {
        service.close();
        hubspot.close();
    }

    @AfterEach
    void serviceStaysHealthyAndWorksThroughWhatItStored() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(service.uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(service::isDrained);
    }

    @Test
    void handPickedBadInputIsRefusedWithA4xxThatSaysWhyAndStoresNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (FuzzCase c : corpus.handPicked()) {
            failures.addAll(check(c, statuses));
        }
        System.out.printf("[measure] webhook fuzz, hand-picked: answers by status %s%n", statuses);
        assertThat(failures).isEmpty();
    }

    @Test
    void randomMutationsOfValidBodiesNeverGetA5xxAndOnlyA2xxStores() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261124L);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (FuzzCase c : corpus.mutations(seed, Soak.pick(300, 5_000))) {
            failures.addAll(check(c, statuses));
        }
        System.out.printf("[measure] webhook fuzz, mutations of seed %d: answers by status %s%n", seed, statuses);
        assertThat(failures).isEmpty();
    }

    @Test
    void aReplayedSignatureIsADuplicateAndStoresNothingNew() throws Exception {
        byte[] body = FuzzCorpus.valid("replay@acme.example").getBytes(StandardCharsets.UTF_8);
        FuzzCase signed = new FuzzCase("replayed HMAC", FuzzCorpus.INSTANTLY, "application/json",
                InstantlyHmac.headers(Instant.now(), body), body, true);
        assertThat(send(signed).statusCode()).isEqualTo(200);
        long stored = storedEvents();

        HttpResponse<String> replay = send(signed);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("status").asString()).isEqualTo("duplicate");
        assertThat(storedEvents()).isEqualTo(stored);

        String batch = "[" + signing.event(9001) + "]";
        FuzzCase hubspotEvent = signing.signed("replayed HubSpot batch", batch, Instant.now(), true);
        assertThat(send(hubspotEvent).statusCode()).isEqualTo(200);
        long afterHubSpot = storedEvents();
        assertThat(send(hubspotEvent).statusCode()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(afterHubSpot);
    }

    private static List<String> check(FuzzCase c, Map<Integer, Integer> statuses) throws Exception {
        long before = storedEvents();
        HttpResponse<String> response;
        try {
            response = send(c);
        } catch (java.io.IOException e) {
            return List.of(c.name() + ": no HTTP answer (" + e + ")");
        }
        long after = storedEvents();
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        List<String> failures = new ArrayList<>();
        String body = response.body();
        if (status >= 500) {
            failures.add(c.name() + ": " + status + " " + abbreviate(body));
        } else if (status >= 200 && status < 300) {
            if (!c.mayBeAccepted()) {
                failures.add(c.name() + ": accepted with " + status + " " + abbreviate(body));
            }
        } else {
            if (after != before) {
                failures.add(c.name() + ": refused with " + status + " but stored " + (after - before) + " event(s)");
            }
            if (!hasReason(body)) {
                failures.add(c.name() + ": " + status + " without a JSON reason: " + abbreviate(body));
            }
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
            failures.add(c.name() + ": stack trace in the answer: " + abbreviate(body));
        }
        return failures;
    }

    private static boolean hasReason(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.isObject() && (!node.path("message").asString("").isBlank()
                    || !node.path("error").asString("").isBlank());
        } catch (JacksonException e) {
            return false;
        }
    }

    private static HttpResponse<String> send(FuzzCase c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(c.path())).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        c.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from inbound_event", Long.class);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
