/** Alerts raised from processed events: a counter, a WARN line, and, when configured, a Slack post sent off the worker's path. */
package dev.crmsync.service.alerts;
