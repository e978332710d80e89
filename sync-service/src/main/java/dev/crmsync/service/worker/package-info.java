/** Background threads: inbound workers that claim events and plan commands, per-target dispatchers, change-feed pollers, and the LISTEN/NOTIFY wake-up. */
package dev.crmsync.service.worker;
