package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides what a failed HubSpot call means for the engine, after HubSpot's error-handling guide:
 * 429, 423, 477, 5xx and I/O failures are transient; 401 and 403 mean the token or its scopes are
 * wrong; any other 4xx is permanent. Messages say what was expected and what was found, with
 * HubSpot's category and correlation id, never the token or personal data.
 */
final class HubSpotErrorClassifier {
    /** HubSpot holds a 423 lock for two seconds. */
    static final Duration LOCKED_WAIT = Duration.ofSeconds(2);
    /** The ten-second window, when a 429 carries neither Retry-After nor the interval header. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(10);

    private HubSpotErrorClassifier() {
    }

    static AdapterException classify(String operation, int status, HubSpotError error, HttpHeaders headers) {
        String found = "HubSpot " + operation + ": expected HTTP 2xx, found " + status + " (" + error.describe() + ")";
        if (status == 429 && "DAILY".equals(error.policyName())) {
            return new TransientAdapterException(found + "; HubSpot's daily budget is spent: calls wait for the "
                    + "account's midnight", status, rateLimitWait(headers), null);
        }
        if (status == 429) {
            Duration wait = rateLimitWait(headers);
            return new TransientAdapterException(found + "; retry after " + wait.toMillis() + " ms", status, wait, null);
        }
        if (status == 401 || status == 403) {
            return new AdapterConfigException(found + "; check HUBSPOT_ACCESS_TOKEN (or the OAuth app's "
                    + "HUBSPOT_REFRESH_TOKEN) and its scopes (crm.objects.contacts.read, crm.objects.contacts.write)",
                    status, null);
        }
        if (status == 423) {
            return new TransientAdapterException(found + "; the record is locked", status, LOCKED_WAIT, null);
        }
        if (status >= 500 || status == 477) {
            return new TransientAdapterException(found, status, retryAfter(headers).orElse(null), null);
        }
        return new PermanentAdapterException(found, status);
    }

    /** A call that got no HTTP answer: timed out, refused or cut. Its effect on HubSpot is unknown. */
    static TransientAdapterException failedCall(String operation, Duration timeout, IOException e) {
        String what;
        if (e instanceof HttpTimeoutException) {
            what = "no answer within " + timeout.toMillis() + " ms (the write may still have been applied)";
        } else if (e instanceof ConnectException) {
            what = "no connection (" + e.getClass().getSimpleName() + ")";
        } else {
            what = "an I/O failure (" + e.getClass().getSimpleName() + ")";
        }
        return new TransientAdapterException("HubSpot " + operation + ": expected an HTTP answer, found " + what,
                0, null, e);
    }

    /**
     * How long a 429 asks us to wait: {@code Retry-After} in seconds when present (HubSpot documents
     * it for 477 only), else the rolling window {@code X-HubSpot-RateLimit-Interval-Milliseconds},
     * else ten seconds.
     */
    static Duration rateLimitWait(HttpHeaders headers) {
        return retryAfter(headers)
                .or(() -> number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds").map(Duration::ofMillis))
                .orElse(DEFAULT_RATE_LIMIT_WAIT);
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return number(headers, "Retry-After").map(Duration::ofSeconds);
    }

    /** A header holding a non-negative whole number; anything else counts as absent. */
    static Optional<Long> number(HttpHeaders headers, String name) {
        return headers.firstValue(name).flatMap(value -> {
            try {
                long parsed = Long.parseLong(value.trim());
                return parsed >= 0 ? Optional.of(parsed) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
