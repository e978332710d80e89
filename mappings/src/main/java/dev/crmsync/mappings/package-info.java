/** Reads revops' YAML mapping files, checks them against their schema and rules, and turns them into core {@code Mapping} objects, with errors that name file, line and key. */
package dev.crmsync.mappings;
