package dev.crmsync.service.poll;

import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Polls a {@link ChangeLogServer} over HTTP; each instance names itself in {@code X-Poller}, so tests see who polled. */
public final class ChangeLogFeed implements ChangeFeed {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String pollerId = UUID.randomUUID().toString();

    ChangeLogFeed(URI base) {
        this.base = base;
    }

    public String pollerId() {
        return pollerId;
    }

    @Override
    public Page poll(String cursor, int limit) {
        String query = "limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/changes?" + query)).header("X-Poller", pollerId)
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientAdapterException("change log unreachable: " + e.getClass().getSimpleName(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientAdapterException("interrupted", 0);
        }
        if (response.statusCode() != 200) {
            throw new TransientAdapterException("change log answered " + response.statusCode(), response.statusCode());
        }
        String[] lines = response.body().split("\n");
        String[] head = lines[0].split(" ");
        List<ParsedEvent> events = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            String json = "{\"id\":\"" + f[0] + "\",\"version\":" + f[1] + ",\"modstamp\":\"" + f[2] + "\",\"email\":\""
                    + f[3] + "\"}";
            events.add(new ParsedEvent("record_changed", f[0] + "@" + f[1], f[3], Instant.parse(f[2]),
                    json.getBytes(StandardCharsets.UTF_8)));
        }
        return new Page(events, head[0], Boolean.parseBoolean(head[1]));
    }
}
