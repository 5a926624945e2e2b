package org.scale4j.api.nn;

/**
 * The sizes and options of one transformer layer.
 *
 * @param hidden the model width {@code H}; must be divisible by {@code heads}
 * @param heads the number of attention heads
 * @param ffn the inner size of the feed-forward block
 * @param activation the feed-forward activation
 * @param placement post-LN (BERT) or pre-LN (CLIP)
 * @param dropout dropout after the attention output and after the feed-forward block
 * @param attentionDropout dropout on the attention probabilities
 * @param layerNormEps the LayerNorm epsilon (1e-12 in BERT, 1e-5 in CLIP)
 */
public record LayerSpec(
        int hidden, int heads, int ffn, Activation activation, NormPlacement placement, float dropout,
        float attentionDropout, float layerNormEps) {

    public LayerSpec {
        if (hidden < 1 || heads < 1 || ffn < 1) {
            throw new IllegalArgumentException(
                    "hidden, heads and ffn must be >= 1, got " + hidden + ", " + heads + ", " + ffn);
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException(
                    "hidden size " + hidden + " is not divisible by the number of heads " + heads);
        }
        if (dropout < 0 || dropout >= 1 || attentionDropout < 0 || attentionDropout >= 1) {
            throw new IllegalArgumentException(
                    "dropout must be in [0, 1), got " + dropout + " and " + attentionDropout);
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layer norm epsilon must be > 0, got " + layerNormEps);
        }
    }

    /** The parameter count of one layer: attention 4(H²+H), FFN 2·H·F + F + H, two LayerNorms 4H. */
    public long parameterCount() {
        long h = hidden;
        return 4 * (h * h + h) + (h * ffn + ffn) + ((long) ffn * h + h) + 4 * h;
    }
}
