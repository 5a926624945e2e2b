package org.scale4j.fusion.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code joint-co-transformer} (spec 2.5).
 *
 * @param layers pre-LN blocks (paper: 6)
 * @param heads attention heads (paper: 8)
 * @param mlp MLP inner size; 0 = 4 × hidden (paper: fixed 4×, 3072)
 * @param maxPositions rows of the learned position table over the concatenated tokens (paper: 512)
 * @param dropout dropout after adding the positions (paper: 0.1)
 * @param attentionDropout dropout on attention probabilities (CLIP's attention: 0)
 * @param layerNormEps LayerNorm epsilon (PyTorch default 1e-5, as in CLIP)
 */
@Doc("Joint co-transformer over the concatenated tokens of every modality.")
public record JointCoTransformerConfig(
        @Doc("Pre-LN blocks (paper: 6).") int layers,
        @Doc("Attention heads; model.hidden must be divisible by it (paper: 8).") int heads,
        @Doc("MLP inner size; 0 = 4 × model.hidden (paper: 3072).") int mlp,
        @Doc("Rows of the learned position table; must cover the sum of all modalities' tokens (paper: 512).") int maxPositions,
        @Doc("Dropout after adding the positions (paper: 0.1).") double dropout,
        @Doc("Dropout on the attention probabilities (CLIP: 0).") double attentionDropout,
        @Doc("LayerNorm epsilon (PyTorch default 1e-5, as CLIP).") double layerNormEps) {

    public JointCoTransformerConfig {
        if (layers < 0 || heads < 1 || mlp < 0 || maxPositions < 1) {
            throw new IllegalArgumentException("joint-co-transformer: layers >= 0, heads >= 1, mlp >= 0 and"
                    + " max_positions >= 1 required, got " + layers + ", " + heads + ", " + mlp + ", " + maxPositions);
        }
        if (dropout < 0 || dropout >= 1 || attentionDropout < 0 || attentionDropout >= 1) {
            throw new IllegalArgumentException("joint-co-transformer: dropout must be in [0, 1), got " + dropout
                    + " and " + attentionDropout);
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("joint-co-transformer: layer_norm_eps must be > 0");
        }
    }

    /** The paper's cross encoder: 6 layers, 8 heads, MLP 4×, 512 positions, dropout 0.1. */
    public static JointCoTransformerConfig defaults() {
        return new JointCoTransformerConfig(6, 8, 0, 512, 0.1, 0.0, 1e-5);
    }
}
