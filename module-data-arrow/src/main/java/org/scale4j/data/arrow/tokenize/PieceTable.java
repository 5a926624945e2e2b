package org.scale4j.data.arrow.tokenize;

import java.util.Map;

/**
 * Vocabulary ids of word pieces, looked up by a range of a {@code char[]} so that a WordPiece
 * match allocates no substring: open addressing over one array of slots, the keys back to back in
 * one {@code char[]}.
 *
 * <p>The caller supplies the range's hash, built one char at a time with {@link #step}: WordPiece
 * tries the longest piece first and then shorter ones from the same start, so the hashes of all
 * prefixes come from one pass (see {@link AsciiWordPieceEncoder}).
 */
final class PieceTable {

    private final int[] slots; // entry index + 1; 0 = empty
    private final int mask;
    private final char[] keys;
    private final int[] keyStart; // entry i's key is keys[keyStart[i], keyStart[i + 1])
    private final int[] hashes;
    private final int[] ids;
    private final int longestKey;

    /**
     * @param pieces piece to id; pieces must be non-empty
     */
    PieceTable(Map<String, Integer> pieces) {
        int n = pieces.size();
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1; // load factor at most 1/2
        slots = new int[capacity];
        mask = capacity - 1;
        keyStart = new int[n + 1];
        hashes = new int[n];
        ids = new int[n];
        int chars = 0;
        for (String key : pieces.keySet()) {
            chars += key.length();
        }
        keys = new char[chars];
        int entry = 0;
        int at = 0;
        int longest = 0;
        for (Map.Entry<String, Integer> e : pieces.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty word piece");
            }
            key.getChars(0, key.length(), keys, at);
            keyStart[entry] = at;
            at += key.length();
            int h = 0;
            for (int i = 0; i < key.length(); i++) {
                h = step(h, key.charAt(i));
            }
            hashes[entry] = h;
            ids[entry] = e.getValue();
            int slot = mix(h) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
            longest = Math.max(longest, key.length());
            entry++;
        }
        keyStart[n] = at;
        longestKey = longest;
    }

    /** The hash of a range extended by one char: {@code step(…step(step(0, c0), c1)…, cn)}. */
    static int step(int hash, char c) {
        return 31 * hash + c;
    }

    /** The length of the longest piece: no longer range can match. */
    int longestKey() {
        return longestKey;
    }

    /**
     * The id of the piece {@code text[from, from + length)}, or -1.
     *
     * @param hash the range's hash by {@link #step}
     */
    int find(char[] text, int from, int length, int hash) {
        int slot = mix(hash) & mask;
        for (int entry = slots[slot]; entry != 0; slot = (slot + 1) & mask, entry = slots[slot]) {
            int i = entry - 1;
            if (hashes[i] == hash && keyStart[i + 1] - keyStart[i] == length && sameChars(text, from, keyStart[i], length)) {
                return ids[i];
            }
        }
        return -1;
    }

    private boolean sameChars(char[] text, int from, int keyFrom, int length) {
        for (int k = 0; k < length; k++) {
            if (text[from + k] != keys[keyFrom + k]) {
                return false;
            }
        }
        return true;
    }

    /** Spreads the polynomial hash's low bits, which the mask keeps (Fibonacci hashing). */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
