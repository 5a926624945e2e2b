package org.scale4j.training.monitor;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Flattens a run's hyperparameters for the hparams dashboard: nested maps become dotted keys
 * ({@code trainer: {optimizer: {lr: 3e-4}}} becomes {@code trainer.optimizer.lr}), lists and other
 * values stay single values (lists as their text, e.g. {@code [retrieval, classification]}).
 * Numbers, booleans and strings keep their type; {@code null} is kept and written as
 * {@code "null"}, so a key set never shrinks because a value is absent.
 */
final class Hyperparameters {

    private Hyperparameters() {
    }

    static SortedMap<String, Object> flatten(Map<String, ?> hparams) {
        SortedMap<String, Object> out = new TreeMap<>();
        flatten("", hparams, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> map, SortedMap<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key + ".", nested, out);
            } else if (v instanceof Number || v instanceof Boolean || v instanceof String) {
                out.put(key, v);
            } else if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
                out.put(key, v.toString());
            } else {
                out.put(key, String.valueOf(v));
            }
        }
    }
}
