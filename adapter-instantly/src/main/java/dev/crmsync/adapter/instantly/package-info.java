/** The Instantly plugin: verifies Instantly's webhooks and turns its events into canonical changes. */
package dev.crmsync.adapter.instantly;
