/**
 * The HubSpot plugin: CRM v3 client, error classification, the command writer that batch-upserts
 * contacts by email and creates notes at most once, and the webhook side: signature v3 verification
 * and the translation of HubSpot's change events.
 */
package dev.crmsync.adapter.hubspot;
