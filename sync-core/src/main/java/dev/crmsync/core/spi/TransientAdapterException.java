package dev.crmsync.core.spi;

import java.time.Duration;
import java.util.Optional;

/** Worth retrying with backoff: 429, 5xx, timeouts, connection resets. */
public final class TransientAdapterException extends AdapterException {
    private final Duration retryAfter;

    public TransientAdapterException(String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, httpStatus, cause);
        this.retryAfter = retryAfter;
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
        return httpStatus() == 429;
    }

    @Override
    public String kind() {
        return "transient";
    }
}
