/** PostgreSQL implementations of what the engine needs: the group-committed inbound store, polled pages with their cursors and feed locks, the outbox, field state, dead letters and the trace. */
package dev.crmsync.service.persistence;
