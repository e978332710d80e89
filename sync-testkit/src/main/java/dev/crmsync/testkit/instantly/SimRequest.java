package dev.crmsync.testkit.instantly;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One API request as an endpoint sees it, already authorised and admitted by the rate limit.
 *
 * @param method HTTP method
 * @param path   the request path, e.g. {@code /api/v2/leads/list}
 * @param id     the resource id from the path ({@code /api/v2/leads/{id}}), or null
 * @param query  decoded query parameters (first value of each)
 * @param body   the raw body, empty for GET
 */
record SimRequest(String method, String path, String id, Map<String, String> query, byte[] body) {

    SimRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }

    /** The body as a JSON object; an empty body reads as an empty object; null when it is not JSON or not an object. */
    JsonNode jsonObject() {
        if (body.length == 0) {
            return SimJson.object();
        }
        try {
            JsonNode node = SimJson.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
