package org.scale4j.data.arrow.collate;

import java.util.Random;
import org.scale4j.api.modality.Vocabulary;

/**
 * BERT masked-language-model corruption (spec 1.6 step 2): each real, non-special position is
 * selected with probability {@code ratio}; a selected token becomes [MASK] with probability 0.8,
 * a random non-special token with 0.1, and stays with 0.1. Its label is the original id.
 */
final class TokenMasking {

    private TokenMasking() {
    }

    /**
     * Masks {@code ids[from..to)} in place and writes labels there.
     *
     * @param labels -1 everywhere on entry for this row
     */
    static void apply(long[] ids, long[] labels, int from, int to, double ratio, Random rng, Vocabulary vocab) {
        for (int p = from; p < to; p++) {
            if (rng.nextDouble() >= ratio) {
                continue;
            }
            labels[p] = ids[p];
            double r = rng.nextDouble();
            if (r < 0.8) {
                ids[p] = vocab.maskId();
            } else if (r < 0.9) {
                ids[p] = randomToken(rng, vocab);
            }
        }
    }

    /** A uniformly random id that is not a special token. */
    static long randomToken(Random rng, Vocabulary vocab) {
        for (int attempt = 0; attempt < 64; attempt++) {
            int id = rng.nextInt(vocab.size());
            if (!isSpecial(id, vocab)) {
                return id;
            }
        }
        return vocab.unkId();
    }

    static boolean isSpecial(long id, Vocabulary v) {
        return id == v.padId() || id == v.clsId() || id == v.sepId() || id == v.maskId() || id == v.unkId();
    }
}
