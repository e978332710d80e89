/** Command-line entry points of the service jar besides running the service: {@code backfill}. */
package dev.crmsync.service.cli;
