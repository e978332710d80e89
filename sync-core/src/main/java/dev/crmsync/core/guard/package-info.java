/**
 * The guards the planner consults per field: the field guard (echo of an unchanged value, field
 * order, conflict rule, ordering) on the way out, and the echo guard (the source system's own field
 * state, and writes of ours coming back) on the way in.
 */
package dev.crmsync.core.guard;
