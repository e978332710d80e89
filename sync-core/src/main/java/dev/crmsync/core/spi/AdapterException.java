package dev.crmsync.core.spi;

/**
 * A failure talking to an external system, classified by the adapter so the engine (which owns
 * retry) knows what to do: retry later, dead-letter, or stop at start-up.
 */
public abstract sealed class AdapterException extends RuntimeException
        permits TransientAdapterException, PermanentAdapterException, AdapterConfigException {

    private final int httpStatus;

    protected AdapterException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status that caused it, or 0 for I/O failures and faults without one. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Short name of the kind of failure, stored with dead letters: {@code transient}, {@code permanent}, {@code config}. */
    public abstract String kind();
}
