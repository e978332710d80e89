/** Immutable records of the canonical model: who a person is, what changed, what the engine decided and what it will send. */
package dev.crmsync.core.model;
