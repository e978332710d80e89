package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /admin} endpoint the running service maps (discovered from Spring MVC's handler
 * mappings, so a new endpoint is covered without editing this test) refuses a request without the
 * admin token with 401 and one with a wrong token with 403, each with a JSON reason.
 */
class AdminAccessIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HubSpotSimulator hubspot;
    private static RunningService service;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start();
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));
    }

    @AfterAll
    static void stop() {
        service.close();
        hubspot.close();
    }

    @Test
    void everyAdminEndpointRefusesAMissingTokenWith401AndAWrongOneWith403() throws Exception {
        Set<String> endpoints = adminEndpoints();
        assertThat(endpoints).as("discovered from the handler mappings")
                .contains("GET /admin/trace", "POST /admin/dead-letters/replay");
        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            expect(failures, endpoint + " without a token", send(method, path, null), 401);
            expect(failures, endpoint + " with Basic auth", send(method, path, "Basic YWRtaW46YWRtaW4="), 401);
            expect(failures, endpoint + " with a wrong token", send(method, path, "Bearer wrong"), 403);
            expect(failures, endpoint + " with the token's prefix", send(method, path,
                    "Bearer " + RunningService.ADMIN_TOKEN.substring(0, 5)), 403);
            expect(failures, endpoint + " with the token and more", send(method, path,
                    "Bearer " + RunningService.ADMIN_TOKEN + "x"), 403);
        }
        System.out.printf("[measure] admin access: %d endpoints x 5 bad credentials refused%n", endpoints.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void anUnmappedAdminPathIsRefusedBeforeItIsLookedUp() throws Exception {
        assertThat(send("GET", "/admin/no-such-endpoint", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/admin", "Bearer wrong").statusCode()).isEqualTo(403);
    }

    @Test
    void actuatorExposesNoEndpointThatShowsConfiguration() throws Exception {
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/beans",
                "/actuator/loggers", "/actuator/threaddump")) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(404);
        }
    }

    private static Set<String> adminEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        service.beans(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (pattern.equals("/admin") || pattern.startsWith("/admin/")) {
                            (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                                    .forEach(m -> endpoints.add(m.name() + " " + pattern));
                        }
                    }
                }));
        return endpoints;
    }

    private static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(List<String> failures, String what, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + ", got " + response.statusCode());
        } else if (!response.body().contains("\"message\"")) {
            failures.add(what + ": no JSON reason in " + response.body());
        }
    }
}
