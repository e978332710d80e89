/** Spring Batch jobs that bring systems into agreement in bulk (backfill, dead-letter replay, reconcile), and their launcher. */
package dev.crmsync.service.batch;
