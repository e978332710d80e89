/** Guards the planner consults per field: ordering (stale), field order (forward-only), and echo (unchanged value). */
package dev.crmsync.core.guard;
