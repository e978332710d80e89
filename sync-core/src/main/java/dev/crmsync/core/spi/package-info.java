/** What adapters implement and the engine calls: providers found with ServiceLoader, webhook verification, event translation, command writing, webhook subscription upkeep, and the small exception family that classifies failures. */
package dev.crmsync.core.spi;
