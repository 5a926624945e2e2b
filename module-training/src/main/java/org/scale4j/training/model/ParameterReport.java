package org.scale4j.training.model;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parameter counts of the model's parts.
 *
 * @param parts counts by part: {@code encoder/<m>} (an encoder that borrows shared weights counts
 *     only its own), {@code pooler/<m>}, {@code fusion}, {@code objective/<key>}
 * @param shared modalities that share weights, sharer → owner
 * @param total the number of distinct trainable scalars (shared weights counted once)
 */
public record ParameterReport(SortedMap<String, Long> parts, SortedMap<String, String> shared, long total) {

    public ParameterReport {
        parts = Collections.unmodifiableSortedMap(new TreeMap<>(parts));
        shared = Collections.unmodifiableSortedMap(new TreeMap<>(shared));
    }

    /** One line per part, for logs: {@code encoder/text  1,234,567}. */
    public String format() {
        StringBuilder out = new StringBuilder();
        parts.forEach((part, count) -> out.append(String.format("%-28s %,15d%n", part, count)));
        shared.forEach((sharer, owner) -> out.append(String.format("%-28s %15s%n", "encoder/" + sharer,
                "shared with " + owner)));
        out.append(String.format("%-28s %,15d%n", "total", total));
        return out.toString();
    }
}
