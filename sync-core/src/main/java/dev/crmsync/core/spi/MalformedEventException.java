package dev.crmsync.core.spi;

/** A webhook body the engine cannot accept (not JSON, not an object, no event type); answered 400 with this message. */
public final class MalformedEventException extends Exception {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
