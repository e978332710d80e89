/** A stateful stand-in for HubSpot's CRM v3 API over real HTTP on 127.0.0.1: contacts, notes, search, rate limits and injected faults. */
package dev.crmsync.testkit.hubspot;
