package org.scale4j.data.arrow.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token ids of short texts that recur, remembered instead of tokenized again: the keys of a
 * product table ("brand", "colour") and many of its values repeat across the whole dataset, so
 * most of a batch's table texts were tokenized before.
 *
 * <p>Bounded, so memory does not grow with the dataset: about {@code capacity} texts of at most
 * {@value #LONGEST} characters are kept (a few more only while threads race to add); when full the
 * cache is emptied and refills from the next batches (a simple rule that keeps the cost of a
 * miss-heavy dataset at one extra map lookup per text). Thread-safe: the streams of several splits
 * and a prefetch thread share one collator.
 * Same ids as {@link TokenizerHandle#encode}: a text's ids do not depend on the other texts of the
 * call.
 */
public final class EncodingCache {

    /** Texts longer than this are always tokenized (titles, descriptions): they rarely recur. */
    public static final int LONGEST = 64;

    private final TokenizerHandle tokenizer;
    private final int capacity;
    private final ConcurrentHashMap<String, long[]> ids = new ConcurrentHashMap<>();

    /**
     * @param capacity how many texts to remember at most (positive)
     */
    public EncodingCache(TokenizerHandle tokenizer, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.tokenizer = tokenizer;
        this.capacity = capacity;
    }

    /**
     * Token ids of each text, without special tokens. The arrays may be shared with earlier and
     * later calls: callers must not modify them.
     */
    public long[][] encode(List<String> texts) {
        long[][] out = new long[texts.size()][];
        List<String> missing = new ArrayList<>();
        int[] missingAt = new int[texts.size()];
        for (int i = 0; i < out.length; i++) {
            String text = texts.get(i);
            long[] known = text != null && text.length() <= LONGEST ? ids.get(text) : null;
            if (known != null) {
                out[i] = known;
            } else {
                missingAt[missing.size()] = i;
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            long[][] fresh = tokenizer.encode(missing);
            for (int j = 0; j < fresh.length; j++) {
                out[missingAt[j]] = fresh[j];
                remember(missing.get(j), fresh[j]);
            }
        }
        return out;
    }

    /** How many texts are remembered now. */
    public int size() {
        return ids.size();
    }

    private void remember(String text, long[] tokens) {
        if (text.length() > LONGEST) {
            return;
        }
        if (ids.size() >= capacity) {
            ids.clear();
        }
        ids.put(text, tokens);
    }
}
