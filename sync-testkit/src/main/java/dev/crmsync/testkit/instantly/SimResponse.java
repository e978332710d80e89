package dev.crmsync.testkit.instantly;

import tools.jackson.databind.JsonNode;

/** What an endpoint answers: an HTTP status and a JSON body (object or array). */
record SimResponse(int status, JsonNode body) {

    static SimResponse of(int status, JsonNode body) {
        return new SimResponse(status, body);
    }

    static SimResponse ok(JsonNode body) {
        return new SimResponse(200, body);
    }
}
