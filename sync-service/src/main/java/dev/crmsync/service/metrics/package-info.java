/** Micrometer meters for what operators watch: ingest, lag, outbound outcomes, dead letters and vendor budgets. */
package dev.crmsync.service.metrics;
