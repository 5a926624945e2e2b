package org.scale4j.data.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a product into the splits whose id list holds it (several when the lists overlap, e.g. a
 * retrieval gallery and its queries), else into the default split, else nowhere.
 */
public final class SplitAssigner implements AutoCloseable {

    private final Map<String, IdIndex> lists;
    private final String defaultSplit;

    /**
     * @param lists split name to its id index, in the user's order (kept by reference: the caller
     *     may still add lists, and closing this closes them)
     * @param defaultSplit the split of products in no list, or {@code null} to drop them
     */
    public SplitAssigner(Map<String, IdIndex> lists, String defaultSplit) {
        this.lists = lists;
        this.defaultSplit = defaultSplit;
    }

    /** The splits of {@code id}; empty when it is dropped. */
    public List<String> of(String id) {
        List<String> out = new ArrayList<>(1);
        for (Map.Entry<String, IdIndex> e : lists.entrySet()) {
            if (e.getValue().contains(id)) {
                out.add(e.getKey());
            }
        }
        if (out.isEmpty() && defaultSplit != null) {
            out.add(defaultSplit);
        }
        return out;
    }

    /** All split names that can receive rows, in order (lists first, then the default). */
    public List<String> names() {
        List<String> names = new ArrayList<>(lists.keySet());
        if (defaultSplit != null && !names.contains(defaultSplit)) {
            names.add(defaultSplit);
        }
        return names;
    }

    @Override
    public void close() {
        lists.values().forEach(IdIndex::close);
    }
}
