package dev.crmsync.testkit.hubspot;

import tools.jackson.databind.JsonNode;

/** What an endpoint answers: an HTTP status and a JSON body. */
record SimResponse(int status, JsonNode body) {

    static SimResponse of(int status, JsonNode body) {
        return new SimResponse(status, body);
    }
}
