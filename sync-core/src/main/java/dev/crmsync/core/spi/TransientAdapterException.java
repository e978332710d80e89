package dev.crmsync.core.spi;

import java.time.Duration;
import java.util.Optional;

/** Worth retrying with backoff: 429, 5xx, timeouts, connection resets. */
public final class TransientAdapterException extends AdapterException {
    private final Duration retryAfter;
    private final boolean rateLimited;

    public TransientAdapterException(String message, int httpStatus, Duration retryAfter, Throwable cause) {
        this(message, httpStatus, retryAfter, cause, false);
    }

    private TransientAdapterException(String message, int httpStatus, Duration retryAfter, Throwable cause,
                                      boolean rateLimited) {
        super(message, httpStatus, cause);
        this.retryAfter = retryAfter;
        this.rateLimited = rateLimited;
    }

    /**
     * The system refused the call for its own usage limit in a way other than HTTP 429 (Salesforce's
     * {@code REQUEST_LIMIT_EXCEEDED} is a SOAP fault over HTTP 500): the whole target pauses, as for a 429.
     */
    public static TransientAdapterException rateLimited(String message, int httpStatus, Duration retryAfter,
                                                        Throwable cause) {
        return new TransientAdapterException(message, httpStatus, retryAfter, cause, true);
    }

    public TransientAdapterException(String message, int httpStatus) {
        this(message, httpStatus, null, null);
    }

    /** The wait the system asked for (a {@code Retry-After} header), if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True for a rate-limit answer: the whole target should pause, not only this command. */
    public boolean isRateLimited() {
        return rateLimited || httpStatus() == 429;
    }

    @Override
    public String kind() {
        return "transient";
    }
}
