package dev.crmsync.core.spi;

/**
 * The configuration cannot work (missing key, bad value, a credential the system refuses): the
 * service fails at start-up with this message, which names every bad key.
 */
public final class AdapterConfigException extends AdapterException {
    public AdapterConfigException(String message) {
        super(message, 0, null);
    }

    public AdapterConfigException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, cause);
    }

    @Override
    public String kind() {
        return "config";
    }
}
