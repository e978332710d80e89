/** What adapters implement and the engine calls: providers found with ServiceLoader, webhook verification, event translation, command writing, and the small exception family that classifies failures. */
package dev.crmsync.core.spi;
