package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Learned absolute positions for the tokens {@code 0..T-1}: the first {@code T} rows of a position
 * table. Taken as the table itself when it has exactly {@code T} rows (the default, where
 * {@code max_positions} is the token count) or as a slice, never as an index lookup: an
 * {@code arange} plus a gather forward and a scatter backward cost three ops for a contiguous
 * range that a slice gives in one (or none).
 */
public final class LearnedPositions {

    private LearnedPositions() {
    }

    /**
     * The positions of {@code tokens} tokens, to be added to the embedded tokens.
     *
     * @param table {@code [P,H]} the position parameter's value, {@code P >= tokens}
     * @param tokens {@code T}
     * @param manager the step's manager, where a slice is created
     * @return {@code [T,H]}; when {@code P == T} this is {@code table} itself (the parameter's
     *     array): use it only as an operand, never close, attach or modify it
     */
    public static NDArray first(NDArray table, long tokens, NDManager manager) {
        long rows = table.getShape().get(0);
        if (rows < tokens) {
            throw new IllegalArgumentException(tokens + " tokens exceed the " + rows + " learned positions");
        }
        return rows == tokens ? table : table.get(manager, new NDIndex(":{}", tokens));
    }
}
