/** The parsed, validated mapping: status tables, field orders, activity and suppression rules. Built by the mappings module from YAML. */
package dev.crmsync.core.mapping;
