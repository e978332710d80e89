package dev.crmsync.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * Asks a system who one of its records is: the email of a record id. Used by the host when its own
 * links do not know the id (a record the engine never wrote, e.g. a contact a rep created).
 * Called on worker threads; may call the system's API (under the adapter's rate budget); thread-safe.
 */
public interface IdentityResolver {

    /**
     * @return the record's email as the system holds it, or empty when the record has none or no
     *         longer exists
     * @throws TransientAdapterException when the system could not answer now (the event is retried)
     */
    Optional<String> emailOf(String externalId);

    /**
     * The ids of the person records associated with one of the system's other records (a deal's
     * contacts), for events that name such a record; the default knows none.
     *
     * @param recordType the system's own name for the record's type, e.g. {@code deal}
     * @throws TransientAdapterException when the system could not answer now (the event is retried)
     */
    default List<String> peopleOf(String recordType, String recordId) {
        return List.of();
    }
}
