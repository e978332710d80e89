package dev.crmsync.core.port;

import dev.crmsync.core.model.SystemId;
import java.util.List;
import java.util.Optional;

/**
 * Finds the person behind a system's own record id. Systems such as HubSpot send change events
 * that name a record id, not an email; the host answers from the links it keeps (written when the
 * engine writes to that system) and, failing that, asks the system itself.
 *
 * <p>Called on a worker thread during translation, outside any per-person lock; may do I/O; never
 * throws for an unknown id (returns empty). Implementations are thread-safe.
 */
public interface IdentityLookup {

    /** A lookup that knows no one, for translators of systems that always send emails. */
    IdentityLookup NONE = (system, externalId) -> Optional.empty();

    /** The normalised email of the person that {@code system} knows as {@code externalId}. */
    Optional<String> emailOf(SystemId system, String externalId);

    /**
     * The ids of the person records {@code system} associates with one of its other records (a HubSpot
     * deal's contacts), so an event about that record reaches its people; each id goes to
     * {@link #emailOf} next. Asked of the system every time: associations change without events.
     *
     * @param recordType the system's own name for the record's type, e.g. {@code deal}
     * @return the person record ids, in the system's order; empty when there are none, the record is
     *         unknown, or the lookup cannot tell (the default)
     */
    default List<String> peopleOf(SystemId system, String recordType, String recordId) {
        return List.of();
    }
}
