/** PostgreSQL implementations of what the engine needs: the group-committed inbound store, the outbox, field state, dead letters and the trace. */
package dev.crmsync.service.persistence;
