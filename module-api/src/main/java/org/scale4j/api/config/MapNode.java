package org.scale4j.api.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A map value with string keys, in the order they were written. Keys are unique.
 *
 * @param entries the entries in order; copied, never null
 * @param location where the map starts
 */
public record MapNode(List<Entry> entries, SourceLocation location) implements ConfigNode {

    /**
     * One key with its value.
     *
     * @param key the key as written (lower_snake_case for scale4j records)
     * @param keyLocation where the key is written, for unknown-key errors
     * @param value the value; never null (an empty YAML value is a null {@link ScalarNode})
     */
    public record Entry(String key, SourceLocation keyLocation, ConfigNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyLocation, "keyLocation");
            Objects.requireNonNull(value, "value");
        }
    }

    public MapNode {
        entries = List.copyOf(entries);
        Objects.requireNonNull(location, "location");
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            if (!seen.add(entry.key())) {
                throw new IllegalArgumentException(entry.keyLocation() + ": duplicate key '" + entry.key() + "'");
            }
        }
    }

    /** An empty map at {@code location}. */
    public static MapNode empty(SourceLocation location) {
        return new MapNode(List.of(), location);
    }

    /** The entry of {@code key}, if present. */
    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The value of {@code key}, if present. */
    public Optional<ConfigNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    /** The keys in order. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    /** This map without the entries whose key matches {@code drop}. */
    public MapNode without(Predicate<String> drop) {
        return new MapNode(entries.stream().filter(e -> !drop.test(e.key())).toList(), location);
    }

    /** This map with {@code key} set to {@code value}: replaced in place, or appended. */
    public MapNode with(String key, SourceLocation keyLocation, ConfigNode value) {
        List<Entry> out = new ArrayList<>(entries.size() + 1);
        boolean replaced = false;
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                out.add(new Entry(key, keyLocation, value));
                replaced = true;
            } else {
                out.add(entry);
            }
        }
        if (!replaced) {
            out.add(new Entry(key, keyLocation, value));
        }
        return new MapNode(out, location);
    }

    @Override
    public String describe() {
        return "a map";
    }
}
