/** Builds the engine once at start-up: the database (embedded or external), adapters found by ServiceLoader, sandbox simulators and the mapping. */
package dev.crmsync.service.wiring;
