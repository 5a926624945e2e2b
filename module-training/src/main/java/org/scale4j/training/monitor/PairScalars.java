package org.scale4j.training.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rebuilds the modality-pair matrix from a step's {@code pair/<a>-<b>} scalars, for loops that
 * log pair weights as scalars but do not call {@code onModalityGraph}.
 *
 * <p>Modality names may contain {@code -}; a key is split where both halves are modalities named
 * by the step's {@code weight/<modality>} scalars, otherwise at the first {@code -}. A pair logged
 * once fills both {@code [a][b]} and {@code [b][a]}; cells without a scalar are NaN.
 */
record PairScalars(List<String> modalities, double[][] graph) {

    private static final String PAIR = "pair/";
    private static final String WEIGHT = "weight/";

    /** The matrix, or null when the step has no pair scalars. */
    static PairScalars from(SortedMap<String, Double> scalars) {
        TreeSet<String> known = new TreeSet<>();
        for (String key : scalars.keySet()) {
            if (key.startsWith(WEIGHT)) {
                known.add(key.substring(WEIGHT.length()));
            }
        }
        SortedMap<String, String[]> pairs = new TreeMap<>();
        for (String key : scalars.keySet()) {
            if (key.startsWith(PAIR)) {
                String[] ab = split(key.substring(PAIR.length()), known);
                if (ab != null) {
                    pairs.put(key, ab);
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        TreeSet<String> names = new TreeSet<>();
        pairs.values().forEach(ab -> names.addAll(Arrays.asList(ab)));
        List<String> modalities = new ArrayList<>(names);
        double[][] graph = new double[modalities.size()][modalities.size()];
        for (double[] row : graph) {
            Arrays.fill(row, Double.NaN);
        }
        for (Map.Entry<String, String[]> e : pairs.entrySet()) {
            int a = modalities.indexOf(e.getValue()[0]);
            int b = modalities.indexOf(e.getValue()[1]);
            double v = scalars.get(e.getKey());
            graph[a][b] = v;
            if (Double.isNaN(graph[b][a])) {
                graph[b][a] = v;
            }
        }
        return new PairScalars(List.copyOf(modalities), graph);
    }

    private static String[] split(String rest, TreeSet<String> known) {
        for (int i = rest.indexOf('-'); i >= 0; i = rest.indexOf('-', i + 1)) {
            if (known.contains(rest.substring(0, i)) && known.contains(rest.substring(i + 1))) {
                return new String[] {rest.substring(0, i), rest.substring(i + 1)};
            }
        }
        int first = rest.indexOf('-');
        if (first <= 0 || first == rest.length() - 1) {
            return null;
        }
        return new String[] {rest.substring(0, first), rest.substring(first + 1)};
    }
}
