package org.scale4j.data.arrow.synth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * The fixed world of a synthetic dataset: a two-level category tree with latent vectors and a
 * Zipf-like popularity over leaves, the words of titles, the table keys of each category, and a
 * random projection per feature modality that sees only part of the latent space.
 */
final class Catalog {

    static final int LATENT = 16;
    private static final String[] COARSE_NAMES = {"apparel", "electronics", "home", "beauty", "sports", "toys",
        "food", "books", "auto", "garden", "pets", "health", "office", "music", "baby", "jewelry", "tools", "travel",
        "games", "crafts"};
    private static final String[] KEYS = {"brand", "material", "color", "size", "style", "season", "origin", "weight",
        "capacity", "power", "model", "pattern", "fit", "age", "flavor", "scent", "voltage", "screen", "storage",
        "battery", "length", "width", "shape", "finish", "closure", "sleeve", "collar", "heel", "lens", "speed",
        "warranty", "package", "theme", "texture", "grade", "volume"};

    final int leaves;
    final int[] coarseOf;
    final String[] leafName;
    final double[][] leafLatent;
    final double[] cumulative;
    final String[][] coarseWords;
    final String[][] leafWords;
    final String[][][] attributeWords; // [latent dim][sign][variant]
    final String[] fillers;
    final String[][] leafKeys;
    final String[][] keyValues; // per global key: value words
    final List<String> allWords;

    Catalog(SyntheticPreset preset, Rng rng) {
        WordMaker words = new WordMaker(rng);
        int coarse = preset.coarse();
        leaves = coarse * preset.leaves();
        double[][] coarseLatent = new double[coarse][];
        coarseWords = new String[coarse][];
        for (int c = 0; c < coarse; c++) {
            coarseLatent[c] = gaussian(rng, LATENT, 1.0);
            coarseWords[c] = words.make(4);
        }
        coarseOf = new int[leaves];
        leafName = new String[leaves];
        leafLatent = new double[leaves][];
        leafWords = new String[leaves][];
        leafKeys = new String[leaves][];
        for (int k = 0; k < leaves; k++) {
            int c = k / preset.leaves();
            coarseOf[k] = c;
            leafWords[k] = words.make(6);
            leafName[k] = COARSE_NAMES[c % COARSE_NAMES.length] + (c >= COARSE_NAMES.length ? c : "") + "/"
                    + leafWords[k][0];
            double[] offset = gaussian(rng, LATENT, 0.7);
            leafLatent[k] = new double[LATENT];
            for (int d = 0; d < LATENT; d++) {
                leafLatent[k][d] = coarseLatent[c][d] + offset[d];
            }
        }
        // Table keys depend on the category: a coarse set of 6 plus 2 per leaf.
        int[][] coarseKeys = new int[coarse][];
        for (int c = 0; c < coarse; c++) {
            coarseKeys[c] = pick(rng, KEYS.length, 6);
        }
        for (int k = 0; k < leaves; k++) {
            Set<String> keys = new LinkedHashSet<>();
            for (int i : coarseKeys[coarseOf[k]]) {
                keys.add(KEYS[i]);
            }
            for (int i : pick(rng, KEYS.length, 2)) {
                keys.add(KEYS[i]);
            }
            leafKeys[k] = keys.toArray(String[]::new);
        }
        keyValues = new String[KEYS.length][];
        for (int i = 0; i < KEYS.length; i++) {
            keyValues[i] = words.make(8);
        }
        attributeWords = new String[LATENT][2][];
        for (int d = 0; d < LATENT; d++) {
            attributeWords[d][0] = words.make(2);
            attributeWords[d][1] = words.make(2);
        }
        fillers = words.make(30);
        // Zipf-like popularity over a random order of leaves, so the tail is not one coarse category.
        int[] rank = pick(rng, leaves, leaves);
        double[] weight = new double[leaves];
        for (int r = 0; r < leaves; r++) {
            weight[rank[r]] = 1.0 / Math.pow(r + 1, preset.zipf());
        }
        cumulative = new double[leaves];
        double total = 0;
        for (int k = 0; k < leaves; k++) {
            total += weight[k];
            cumulative[k] = total;
        }
        for (int k = 0; k < leaves; k++) {
            cumulative[k] /= total;
        }
        allWords = new ArrayList<>(words.all());
    }

    /** A leaf category drawn from the long-tailed popularity. */
    int sampleLeaf(Rng rng) {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = leaves - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int keyIndex(String key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i].equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    static double[] gaussian(Rng rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.gaussian() * scale;
        }
        return v;
    }

    /** {@code k} distinct indices of {@code 0..n-1}, in random order. */
    static int[] pick(Rng rng, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    /** Pronounceable pseudo-words, all distinct. */
    private static final class WordMaker {
        private static final String C = "bdfgklmnprstvz";
        private static final String V = "aeiou";
        private final Rng rng;
        private final Set<String> made = new LinkedHashSet<>();

        WordMaker(Rng rng) {
            this.rng = rng;
        }

        String[] make(int n) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                String w;
                do {
                    StringBuilder sb = new StringBuilder();
                    int syllables = 2 + rng.nextInt(2);
                    for (int s = 0; s < syllables; s++) {
                        sb.append(C.charAt(rng.nextInt(C.length()))).append(V.charAt(rng.nextInt(V.length())));
                    }
                    w = sb.toString();
                } while (!made.add(w));
                out[i] = w;
            }
            return out;
        }

        Set<String> all() {
            return made;
        }
    }
}
