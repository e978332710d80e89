package dev.crmsync.core.spi;

/** Retrying cannot help (a 4xx such as an invalid property value): the command goes to the dead-letter table. */
public final class PermanentAdapterException extends AdapterException {
    public PermanentAdapterException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, cause);
    }

    public PermanentAdapterException(String message, int httpStatus) {
        this(message, httpStatus, null);
    }

    @Override
    public String kind() {
        return "permanent";
    }
}
