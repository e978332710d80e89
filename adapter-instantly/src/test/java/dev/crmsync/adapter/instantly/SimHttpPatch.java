package dev.crmsync.adapter.instantly;

import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sets a lead's core field on the simulator over HTTP, as another Instantly user would. */
final class SimHttpPatch {
    private final InstantlySimulator simulator;

    SimHttpPatch(InstantlySimulator simulator) {
        this.simulator = simulator;
    }

    void firstName(String leadId, String value) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/v2/leads/" + leadId))
                .header("Authorization", "Bearer " + simulator.apiKey())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"first_name\":\"" + value + "\"}"))
                .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new AssertionError("patch answered " + status);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
