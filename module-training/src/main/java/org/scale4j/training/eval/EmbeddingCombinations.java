package org.scale4j.training.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Sums of per-modality embeddings over modality subsets, the "combinations" of spec 3.2.
 *
 * <p>The released {@code extract_features.py} saves, per sample, the pooled 768-d vector of each modality and the
 * <b>plain sum</b> (no normalisation, no averaging) of the vectors in each subset. Here a combination is named by
 * its full modality names <b>sorted alphabetically</b> (the project-wide modality order) and joined by {@code '+'}:
 * {@code image+text}, {@code image+table+text}, {@code audio+image+table+text+video}. Subsets are listed by size,
 * then lexicographically by those sorted names.
 *
 * <p>Missing modalities: a sample whose modality is absent (presence false) contributes nothing to that sum, so a
 * combination of absent modalities is the zero vector. (The released code zero-fills inputs instead, so its
 * "missing" vectors are whatever the model makes of zeros; ours follows the project rule that absent is absent.)
 */
public final class EmbeddingCombinations {

    /** The spec's single letters: t = text, p = table, i = image, v = video, a = audio. */
    private static final Map<Character, String> LETTERS = Map.of('t', "text", 'p', "table", 'i', "image", 'v',
            "video", 'a', "audio");

    /** The 21 subsets the released script saves (spec 3.2), as the letters it uses. */
    private static final List<String> RELEASED = List.of("t", "p", "i", "v", "a", "tp", "ti", "tv", "pi", "pv", "iv",
            "ta", "pa", "ia", "va", "tpi", "tpv", "tiv", "piv", "tpiv", "tpiva");

    private EmbeddingCombinations() {
    }

    /** The name of a subset: its modality names sorted alphabetically and joined by '+'. */
    public static String name(Collection<String> subset) {
        if (subset.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one modality");
        }
        return String.join("+", new TreeSet<>(subset));
    }

    /** All non-empty subsets of {@code modalities}, by size, then lexicographically; each subset sorted. */
    public static List<List<String>> allSubsets(Collection<String> modalities) {
        List<String> names = new ArrayList<>(new TreeSet<>(modalities));
        if (names.size() > 20) {
            throw new IllegalArgumentException(names.size() + " modalities give too many subsets; pass them explicitly");
        }
        List<List<String>> out = new ArrayList<>();
        for (int size = 1; size <= names.size(); size++) {
            addSubsets(names, size, 0, new ArrayList<>(), out);
        }
        return out;
    }

    private static void addSubsets(List<String> names, int size, int from, List<String> cur, List<List<String>> out) {
        if (cur.size() == size) {
            out.add(List.copyOf(cur));
            return;
        }
        for (int i = from; i < names.size(); i++) {
            cur.add(names.get(i));
            addSubsets(names, size, i + 1, cur, out);
            cur.remove(cur.size() - 1);
        }
    }

    /**
     * The 21 subsets the released SCALE script saves (spec 3.2: five singles, ten pairs, the four triples without
     * audio, then text+table+image+video and all five), in the released order, each sorted by name.
     */
    public static List<List<String>> releasedSubsets() {
        List<List<String>> out = new ArrayList<>();
        for (String letters : RELEASED) {
            TreeSet<String> s = new TreeSet<>();
            for (char c : letters.toCharArray()) {
                s.add(LETTERS.get(c));
            }
            out.add(List.copyOf(s));
        }
        return out;
    }

    /**
     * Sums the per-modality features over each subset.
     *
     * @param features modality name to {@code [N, D]} features; all with the same N and D
     * @param presence modality name to {@code [N]} presence; a modality without an entry is present everywhere
     * @param subsets which combinations to build (for example {@link #allSubsets} or {@link #releasedSubsets})
     * @return combination name ({@link #name}) to its {@code [N, D]} sum, in the order of {@code subsets}
     */
    public static Map<String, FeatureMatrix> combine(Map<String, FeatureMatrix> features,
            Map<String, boolean[]> presence, List<? extends Collection<String>> subsets) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(presence, "presence");
        int rows = -1;
        int dim = -1;
        for (String m : new TreeSet<>(features.keySet())) {
            FeatureMatrix f = features.get(m);
            if (rows < 0) {
                rows = f.rows();
                dim = f.dim();
            } else if (f.rows() != rows || f.dim() != dim) {
                throw new IllegalArgumentException("modality '" + m + "' features are " + f.rows() + " x " + f.dim()
                        + " but the others are " + rows + " x " + dim);
            }
            boolean[] p = presence.get(m);
            if (p != null && p.length != rows) {
                throw new IllegalArgumentException("modality '" + m + "' presence has " + p.length
                        + " entries for " + rows + " rows");
            }
        }
        Map<String, FeatureMatrix> out = new LinkedHashMap<>();
        for (Collection<String> subset : subsets) {
            String name = name(subset);
            for (String m : subset) {
                if (!features.containsKey(m)) {
                    throw new IllegalArgumentException("combination '" + name + "' needs modality '" + m
                            + "' but features exist only for " + new TreeSet<>(features.keySet()));
                }
            }
            FeatureMatrix sum = FeatureMatrix.zeros(rows, dim);
            float[] acc = sum.data();
            for (String m : new TreeSet<>(subset)) {
                float[] x = features.get(m).data();
                boolean[] p = presence.get(m);
                for (int r = 0; r < rows; r++) {
                    if (p != null && !p[r]) {
                        continue;
                    }
                    int o = r * dim;
                    for (int c = 0; c < dim; c++) {
                        acc[o + c] += x[o + c];
                    }
                }
            }
            out.put(name, sum);
        }
        return out;
    }

    /** {@link #combine} over {@link #allSubsets} of the given modalities. */
    public static Map<String, FeatureMatrix> combineAll(Map<String, FeatureMatrix> features,
            Map<String, boolean[]> presence) {
        return combine(features, presence, allSubsets(features.keySet()));
    }
}
