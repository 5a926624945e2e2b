package org.scale4j.api.state;

import java.util.Map;

/**
 * A part of a run whose state a checkpoint saves and a resume restores (optimizer, schedule, data
 * position, listeners). State is a flat map of named byte arrays so that any part can store
 * whatever it needs; each part versions its own encoding.
 */
public interface Stateful {

    /** The key under which this part's state is stored; unique within a run. */
    String stateKey();

    /** The current state; an empty map means "nothing to save". */
    Map<String, byte[]> saveState();

    /**
     * Restores a state that {@link #saveState()} produced.
     *
     * @throws IllegalArgumentException when the state has an unknown version or misses a key; the
     *     message names the part and the key
     */
    void loadState(Map<String, byte[]> state);
}
