package dev.crmsync.testkit.instantly;

import java.time.Instant;
import java.util.Objects;

/**
 * One try at delivering a webhook.
 *
 * @param number 1 for the first try, 2 to 4 for the retries
 * @param at     when it was sent
 * @param status the receiver's HTTP status, or 0 when there was no answer
 * @param error  why there was no answer (exception class and message), or null
 */
public record DeliveryAttempt(int number, Instant at, int status, String error) {
    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
