/**
 * The Salesforce plugin: an OAuth session (JWT bearer, client credentials or password grant) handed to a
 * force-wsc partner connection; the command writer (Contact or Lead by email, Tasks keyed for idempotency,
 * per-record errors); the API budget; the polled change feed on {@code SystemModstamp} with deletes; the
 * translator of its events; backfill pages and identity lookups.
 */
package dev.crmsync.adapter.salesforce;
