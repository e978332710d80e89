/** The planner: turns a canonical change into decisions and commands per target, and the coalescer that merges pending commands per record. */
package dev.crmsync.core.rules;
