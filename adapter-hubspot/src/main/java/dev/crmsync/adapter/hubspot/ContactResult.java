package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterException;
import java.util.Objects;

/** What happened to one {@link ContactInput}: upserted with its HubSpot id, or rejected with the reason. */
sealed interface ContactResult permits ContactResult.Upserted, ContactResult.Rejected {

    /** @param contactId HubSpot's record id; @param httpStatus the status of the call that upserted it */
    record Upserted(String contactId, int httpStatus) implements ContactResult {
        public Upserted {
            Objects.requireNonNull(contactId, "contactId");
        }
    }

    /** @param error permanent when HubSpot refused this input, transient when the call failed */
    record Rejected(AdapterException error) implements ContactResult {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
