package org.scale4j.api.config;

/**
 * A parsed recipe value with the place it was written: a map, a list or a scalar.
 *
 * <p>This tree is the neutral form between a YAML parser (in the launcher) and the
 * {@link RecordBinder}; it keeps the api free of any YAML or JSON library. Nodes are immutable.
 */
public sealed interface ConfigNode permits MapNode, ListNode, ScalarNode {

    /** Where the value starts; never null. */
    SourceLocation location();

    /** A short name of the node's shape for error messages: {@code a map}, {@code a list}, ... */
    String describe();
}
