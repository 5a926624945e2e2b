package org.scale4j.data.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses the authors' property string {@code k1#:#v1#;#k2#:#v2} (spec 1.2, 1.5) into key/value
 * pairs in source order. As in the released loader, a {@code pv} of length at most 1 means "no
 * table" ({@code null}). An item without {@code #:#} is reported and skipped; an item with more
 * than one {@code #:#} keeps everything after the first in the value.
 */
public final class TableParser {

    private static final String ITEM_SEPARATOR = "#;#";
    private static final String KEY_SEPARATOR = "#:#";

    private TableParser() {
    }

    /**
     * The pairs of {@code pv}, or {@code null} when there is no table.
     *
     * @param badItem receives each item that has no key separator
     */
    public static List<String[]> parse(String pv, Consumer<String> badItem) {
        if (pv == null || pv.length() <= 1) {
            return null;
        }
        List<String[]> pairs = new ArrayList<>();
        int start = 0;
        while (start <= pv.length()) {
            int end = pv.indexOf(ITEM_SEPARATOR, start);
            String item = pv.substring(start, end < 0 ? pv.length() : end);
            if (!item.isEmpty()) {
                int k = item.indexOf(KEY_SEPARATOR);
                if (k < 0) {
                    badItem.accept(item);
                } else {
                    pairs.add(new String[] {item.substring(0, k), item.substring(k + KEY_SEPARATOR.length())});
                }
            }
            if (end < 0) {
                break;
            }
            start = end + ITEM_SEPARATOR.length();
        }
        return pairs.isEmpty() ? null : pairs;
    }
}
