/**
 * The parsed, validated mapping: status tables, field orders, field mappings with their transforms,
 * ownership groups (source of truth, flows, conflict rule), activity, suppression, engagement-score
 * and bounce rules. Built by the mappings module from YAML.
 */
package dev.crmsync.core.mapping;
