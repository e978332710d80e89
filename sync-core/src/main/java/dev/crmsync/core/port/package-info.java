/** What the engine needs from its host: state it reads and writes while planning, implemented by the service on PostgreSQL and in memory by tests. */
package dev.crmsync.core.port;
