/**
 * The HubSpot plugin: CRM v3 client, error classification, the command writer that batch-upserts
 * contacts by email (clearing a lifecycle stage first when it moves back) and creates notes and tasks at
 * most once, and the webhook side: signature v3 verification and the translation of HubSpot's contact and
 * deal change events.
 */
package dev.crmsync.adapter.hubspot;
