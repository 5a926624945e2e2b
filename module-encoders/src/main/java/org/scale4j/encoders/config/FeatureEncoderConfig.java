package org.scale4j.encoders.config;

import java.util.Objects;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code region-transformer} and {@code frame-transformer}: a feature embedding
 * (Linear of the features, plus Linear of the boxes for regions or learned positions for frames,
 * LayerNorm, dropout) and a transformer stack (spec 2.3, 2.4).
 *
 * @param layers number of transformer layers (paper: 6)
 * @param heads attention heads (paper: 8)
 * @param ffn feed-forward inner size (paper: 1024)
 * @param activation {@code gelu} (paper), {@code quick-gelu} or {@code relu}
 * @param norm {@code post} (BERT, paper) or {@code pre}
 * @param dropout hidden dropout (paper: 0.1)
 * @param attentionDropout dropout on attention probabilities (paper: 0.1)
 * @param maxPositions frames only: rows of the position table; 0 = the modality's token count
 *     (paper: 50 for video, 100 for audio); ignored by regions, which have no positions
 * @param layerNormEps LayerNorm epsilon (BERT: 1e-12)
 */
@Doc("Region or frame encoder: a feature embedding and a transformer stack.")
public record FeatureEncoderConfig(
        @Doc("Transformer layers (paper: 6).") int layers,
        @Doc("Attention heads; model.hidden must be divisible by it (paper: 8).") int heads,
        @Doc("Feed-forward inner size (paper: 1024).") int ffn,
        @Doc("Feed-forward activation: gelu, quick-gelu or relu.") String activation,
        @Doc("Layer norm placement: post (BERT) or pre.") String norm,
        @Doc("Hidden dropout probability (paper: 0.1).") double dropout,
        @Doc("Dropout on the attention probabilities (paper: 0.1).") double attentionDropout,
        @Doc("Frames only: rows of the position table; 0 = the modality's token count (paper: video 50, audio 100). Regions have no positions.") int maxPositions,
        @Doc("LayerNorm epsilon (BERT: 1e-12).") double layerNormEps) {

    public FeatureEncoderConfig {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(norm, "norm");
        ConfigChecks.layers(layers, heads, ffn);
        ConfigChecks.options(activation, norm, dropout, attentionDropout, layerNormEps);
        ConfigChecks.positions(maxPositions);
    }

    /** The paper's visual encoders: 6 post-LN GELU layers, 8 heads, FFN 1024, dropout 0.1. */
    public static FeatureEncoderConfig defaults() {
        return new FeatureEncoderConfig(6, 8, 1024, "gelu", "post", 0.1, 0.1, 0, 1e-12);
    }
}
