/** The HubSpot plugin: CRM v3 client, error classification and the command writer that batch-upserts contacts by email and creates notes at most once. */
package dev.crmsync.adapter.hubspot;
