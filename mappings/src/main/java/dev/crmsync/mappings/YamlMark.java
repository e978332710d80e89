package dev.crmsync.mappings;

/**
 * Where a node of the YAML tree was written: the position of its key (for a mapping entry) or of the
 * value itself (for a list item and the document), and its dotted key path.
 */
record YamlMark(int line, int column, String keyPath) {
}
