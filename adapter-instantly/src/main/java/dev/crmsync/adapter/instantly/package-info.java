/** The Instantly plugin: verifies Instantly's webhooks, turns its events into canonical changes, and writes commands, block-list entries and webhook subscriptions through the API v2 client. */
package dev.crmsync.adapter.instantly;
