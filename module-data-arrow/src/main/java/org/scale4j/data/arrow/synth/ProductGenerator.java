package org.scale4j.data.arrow.synth;

import java.util.ArrayList;
import java.util.List;
import org.scale4j.data.arrow.dataset.Seeds;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * Draws products: a product group gets a leaf category from the long-tailed popularity and a
 * latent vector near its category's; each listing of the group perturbs that latent, and every
 * modality is a noisy view of part of it (each feature modality sees 10 of the 16 latent
 * dimensions through its own random projection, plus a larger nuisance of its own), so the
 * modalities share structure but none tells everything, and a single modality's raw features
 * are a poor guide to the category. Titles mix category words, attribute words read off the latent, and filler;
 * some are noisy or describe another product.
 */
final class ProductGenerator {

    static final String[] MODALITIES = {"audio", "image", "table", "text", "video"};
    private static final int VIEW = 10;
    /**
     * Dims of each feature modality's own nuisance ("style": background, lighting, recording
     * conditions), drawn afresh per listing and per modality, so no other modality shares it.
     */
    static final int NUISANCE_DIMS = 8;
    /**
     * Scale of the nuisance next to the latent signal (whose entries have a variance near 1.9). At
     * 2.0 it dominates distances between raw (or randomly projected) features, so an untrained
     * model's nearest neighbours often miss the category; what the modalities share is the
     * latent, so aligning them (SIMCL) learns to discard the nuisance. The nuisance draws come
     * from the listing's stream, so they also change the titles, tables and splits drawn after
     * them (same seed, same bytes still holds).
     */
    static final double NUISANCE_SCALE = 2.0;

    private final SyntheticPreset preset;
    private final Catalog catalog;
    private final long seed;
    private final float[][] imageProj;
    private final float[][] videoProj;
    private final float[][] audioProj;
    private final float[][] imageNuisance;
    private final float[][] videoNuisance;
    private final float[][] audioNuisance;
    private final boolean[] textView;

    ProductGenerator(SyntheticPreset preset, Catalog catalog, long seed) {
        this.preset = preset;
        this.catalog = catalog;
        this.seed = seed;
        Rng rng = new Rng(Seeds.derive(seed, 2));
        imageProj = projection(rng, preset.imageDim());
        videoProj = projection(rng, preset.videoDim());
        audioProj = projection(rng, preset.audioDim());
        textView = view(rng);
        imageNuisance = nuisanceProjection(rng, preset.imageDim());
        videoNuisance = nuisanceProjection(rng, preset.videoDim());
        audioNuisance = nuisanceProjection(rng, preset.audioDim());
    }

    /** A map from a modality's own nuisance to its features: {@code [dim][NUISANCE_DIMS]}. */
    private static float[][] nuisanceProjection(Rng rng, int dim) {
        float[][] p = new float[dim][NUISANCE_DIMS];
        double scale = NUISANCE_SCALE / StrictMath.sqrt(NUISANCE_DIMS);
        for (int i = 0; i < dim; i++) {
            for (int d = 0; d < NUISANCE_DIMS; d++) {
                p[i][d] = (float) (rng.gaussian() * scale);
            }
        }
        return p;
    }

    /** The listing's view of the latent in one modality plus that modality's own nuisance. */
    private static float[] base(Rng rng, float[][] signal, float[][] nuisance, double[] x) {
        float[] out = project(signal, x);
        float[] style = project(nuisance, Catalog.gaussian(rng, NUISANCE_DIMS, 1.0));
        for (int i = 0; i < out.length; i++) {
            out[i] += style[i];
        }
        return out;
    }

    /** A latent-to-feature map that reads only {@code VIEW} latent dims: {@code [dim][LATENT]}. */
    private static float[][] projection(Rng rng, int dim) {
        boolean[] view = view(rng);
        float[][] p = new float[dim][Catalog.LATENT];
        double scale = 1.0 / StrictMath.sqrt(VIEW);
        for (int i = 0; i < dim; i++) {
            for (int d = 0; d < Catalog.LATENT; d++) {
                p[i][d] = view[d] ? (float) (rng.gaussian() * scale) : 0f;
            }
        }
        return p;
    }

    private static boolean[] view(Rng rng) {
        boolean[] view = new boolean[Catalog.LATENT];
        for (int d : Catalog.pick(rng, Catalog.LATENT, VIEW)) {
            view[d] = true;
        }
        return view;
    }

    /** The latent of a new product group of leaf {@code leaf}. */
    double[] groupLatent(Rng rng, int leaf) {
        double[] w = new double[Catalog.LATENT];
        for (int d = 0; d < w.length; d++) {
            w[d] = catalog.leafLatent[leaf][d] + 0.6 * rng.gaussian();
        }
        return w;
    }

    /** One listing of group {@code group} (leaf {@code leaf}, latent {@code w}). */
    SyntheticRow listing(Rng rng, String id, long group, int leaf, double[] w) {
        double[] x = new double[w.length];
        for (int d = 0; d < x.length; d++) {
            x[d] = w[d] + 0.15 * rng.gaussian();
        }
        boolean[] keep = presence(rng);
        String title = keep[3] ? title(rng, leaf, x) : null;
        List<String[]> table = keep[2] ? table(rng, leaf, group) : null;
        float[][] image = null;
        float[][] boxes = null;
        if (keep[1]) {
            int n = 1 + rng.nextInt(preset.imageRegions());
            n = Math.max(n, Math.min(preset.imageRegions(), 3));
            image = new float[n][];
            boxes = new float[n][];
            float[] base = base(rng, imageProj, imageNuisance, x);
            for (int r = 0; r < n; r++) {
                boolean background = rng.chance(0.25);
                float gain = background ? 0f : (float) (0.6 + 0.8 * rng.nextDouble());
                image[r] = noisy(rng, base, gain, 1.0f);
                boxes[r] = box(rng);
            }
        }
        float[][] video = null;
        if (keep[4]) {
            int n = Math.max(1, preset.videoFrames() / 2 + rng.nextInt(preset.videoFrames() / 2 + 1));
            video = new float[n][];
            float[] base = base(rng, videoProj, videoNuisance, x);
            for (int f = 0; f < n; f++) {
                float gain = (float) (0.8 + 0.4 * StrictMath.sin(0.7 * f + rng.nextDouble()));
                video[f] = noisy(rng, base, gain, 0.8f);
            }
        }
        float[][] audio = null;
        if (keep[0]) {
            audio = new float[preset.audioRows()][];
            float[] base = base(rng, audioProj, audioNuisance, x);
            for (int r = 0; r < audio.length; r++) {
                float gain = (float) (0.5 + (r % 7) / 7.0);
                audio[r] = noisy(rng, base, gain, 1.0f);
            }
        }
        return new SyntheticRow(id, leaf, catalog.leafName[leaf], group, title, table, image, boxes, video, audio);
    }

    /** Which modalities a product keeps, in {@link #MODALITIES} order. */
    private boolean[] presence(Rng rng) {
        boolean[] keep = {true, true, true, true, true};
        double u = rng.nextDouble();
        if (u < preset.unimodalRate()) {
            java.util.Arrays.fill(keep, false);
            keep[rng.nextInt(keep.length)] = true;
        } else if (u < preset.missingRate()) {
            int drop = 1 + rng.nextInt(3);
            for (int m : Catalog.pick(rng, keep.length, drop)) {
                keep[m] = false;
            }
        }
        return keep;
    }

    private String title(Rng rng, int leaf, double[] x) {
        double kind = rng.nextDouble();
        if (kind < preset.noisyTitleRate() / 2) {
            // mismatched: the title of some other product
            int other = catalog.sampleLeaf(rng);
            double[] y = groupLatent(rng, other);
            return cleanTitle(rng, other, y);
        }
        String clean = cleanTitle(rng, leaf, x);
        if (kind < preset.noisyTitleRate()) {
            // noisy: half the words replaced by random ones
            String[] words = clean.split(" ");
            for (int i = 0; i < words.length; i++) {
                if (rng.chance(0.5)) {
                    words[i] = catalog.allWords.get(rng.nextInt(catalog.allWords.size()));
                }
            }
            return String.join(" ", words);
        }
        return clean;
    }

    private String cleanTitle(Rng rng, int leaf, double[] x) {
        List<String> words = new ArrayList<>();
        String[] coarse = catalog.coarseWords[catalog.coarseOf[leaf]];
        words.add(coarse[rng.nextInt(coarse.length)]);
        String[] leafWords = catalog.leafWords[leaf];
        words.add(leafWords[rng.nextInt(leafWords.length)]);
        words.add(leafWords[rng.nextInt(leafWords.length)]);
        // attribute words: the strongest latent dims the title sees, by sign
        int attributes = 2 + rng.nextInt(3);
        boolean[] used = new boolean[x.length];
        for (int a = 0; a < attributes; a++) {
            int best = -1;
            for (int d = 0; d < x.length; d++) {
                if (textView[d] && !used[d] && (best < 0 || Math.abs(x[d]) > Math.abs(x[best]))) {
                    best = d;
                }
            }
            used[best] = true;
            String[] variants = catalog.attributeWords[best][x[best] > 0 ? 1 : 0];
            words.add(variants[rng.nextInt(variants.length)]);
        }
        int fillers = 1 + rng.nextInt(3);
        for (int f = 0; f < fillers; f++) {
            words.add(catalog.fillers[rng.nextInt(catalog.fillers.length)]);
        }
        // light shuffling: swap a few neighbours
        for (int s = 0; s < words.size() / 2; s++) {
            int i = rng.nextInt(words.size() - 1);
            String t = words.get(i);
            words.set(i, words.get(i + 1));
            words.set(i + 1, t);
        }
        return String.join(" ", words.subList(0, Math.min(words.size(), preset.titleWords())));
    }

    private List<String[]> table(Rng rng, int leaf, long group) {
        String[] keys = catalog.leafKeys[leaf];
        int n = Math.min(keys.length, Math.min(preset.tablePairs(), 3 + rng.nextInt(keys.length - 2)));
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = keys[i];
            int k = catalog.keyIndex(key);
            String[] values = catalog.keyValues[k];
            // half of the keys carry a category-level value, the others a product-level one
            long salt = (k % 2 == 0) ? Seeds.derive(seed, 11, leaf, k) : Seeds.derive(seed, 13, group, k);
            String value = values[(int) Long.remainderUnsigned(salt, values.length)];
            if (rng.chance(0.05)) {
                value = values[rng.nextInt(values.length)];
            }
            pairs.add(new String[] {key, value});
        }
        return pairs;
    }

    private static float[] project(float[][] p, double[] x) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            double s = 0;
            for (int d = 0; d < x.length; d++) {
                s += p[i][d] * x[d];
            }
            out[i] = (float) s;
        }
        return out;
    }

    private static float[] noisy(Rng rng, float[] base, float gain, float sigma) {
        float[] out = new float[base.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = gain * base[i] + sigma * rng.noise();
        }
        return out;
    }

    private static float[] box(Rng rng) {
        float x1 = (float) (rng.nextDouble() * 0.8);
        float y1 = (float) (rng.nextDouble() * 0.8);
        float x2 = x1 + (float) (0.05 + rng.nextDouble() * (0.95 - x1 - 0.05));
        float y2 = y1 + (float) (0.05 + rng.nextDouble() * (0.95 - y1 - 0.05));
        return new float[] {x1, y1, x2, y2, (x2 - x1) * (y2 - y1)};
    }
}
