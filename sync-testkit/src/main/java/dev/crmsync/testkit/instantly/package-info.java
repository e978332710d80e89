/** A stateful stand-in for Instantly's API v2 over real HTTP on 127.0.0.1: leads, campaigns, block list, webhook subscriptions with a sender that delivers like Instantly, per-workspace rate limits and injected faults. */
package dev.crmsync.testkit.instantly;
