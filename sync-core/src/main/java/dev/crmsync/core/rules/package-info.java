/**
 * The planner, which turns a canonical change into decisions and commands per target, with its
 * collaborators (source of truth, status and suppression effects, field mapping, engagement score,
 * bounce policy), and the coalescer that merges pending commands per record.
 */
package dev.crmsync.core.rules;
