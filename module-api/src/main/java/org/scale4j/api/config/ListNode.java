package org.scale4j.api.config;

import java.util.List;
import java.util.Objects;

/**
 * A list value.
 *
 * @param items the items in order; copied, never null
 * @param location where the list starts
 */
public record ListNode(List<ConfigNode> items, SourceLocation location) implements ConfigNode {

    public ListNode {
        items = List.copyOf(items);
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String describe() {
        return "a list";
    }
}
