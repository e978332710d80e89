package dev.crmsync.adapter.hubspot;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * One answer from HubSpot.
 *
 * @param operation the operation it answers, e.g. {@code contacts/batch/upsert}
 * @param status    the HTTP status
 * @param body      the parsed JSON body (an empty object when there was none or it was not JSON)
 * @param headers   the response headers
 */
record HubSpotResponse(String operation, int status, JsonNode body, HttpHeaders headers) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    HubSpotError error() {
        return HubSpotError.from(body);
    }

    /** This answer, when it is a 2xx; otherwise the classified failure is thrown. */
    HubSpotResponse requireSuccess() {
        if (!isSuccess()) {
            throw HubSpotErrorClassifier.classify(operation, status, error(), headers);
        }
        return this;
    }
}
