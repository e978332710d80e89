/**
 * A stateful stand-in for HubSpot's CRM v3 API over real HTTP on 127.0.0.1: contacts, notes, tasks, search,
 * deals' contact associations, rate limits, injected faults, and signed webhooks for rep edits (and
 * deletions) and API writes.
 */
package dev.crmsync.testkit.hubspot;
