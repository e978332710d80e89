package dev.crmsync.service.persistence;

/**
 * The outcome of storing one event at ingress.
 *
 * @param id        the event's row id (for a duplicate: unknown, 0)
 * @param duplicate true when an event with the same dedup key was already stored
 */
public record StoredEvent(long id, boolean duplicate) {
}
