package dev.crmsync.adapter.instantly;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * One answer from Instantly.
 *
 * @param operation the operation it answers, e.g. {@code leads/update-interest-status}
 * @param status    the HTTP status
 * @param body      the parsed JSON body (an empty object when there was none or it was not JSON)
 * @param headers   the response headers
 */
record InstantlyResponse(String operation, int status, JsonNode body, HttpHeaders headers) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** This answer, when it is a 2xx; otherwise the classified failure is thrown. */
    InstantlyResponse requireSuccess() {
        if (!isSuccess()) {
            throw InstantlyErrorClassifier.classify(operation, status, InstantlyError.from(body), headers);
        }
        return this;
    }
}
