package org.scale4j.encoders.config;

import java.util.Objects;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code bert-text}: BERT embeddings (word + position + token type, LayerNorm,
 * dropout) and a transformer stack (spec 2.3, 2.4).
 *
 * @param layers number of transformer layers (paper: 6)
 * @param heads attention heads (paper: 12)
 * @param ffn feed-forward inner size (paper: 3072)
 * @param activation {@code gelu} (paper), {@code quick-gelu} or {@code relu}
 * @param norm {@code post} (BERT, paper) or {@code pre}
 * @param dropout hidden dropout (paper: 0.1)
 * @param attentionDropout dropout on attention probabilities (paper: 0.1)
 * @param maxPositions rows of the position table; 0 = the modality's token count (paper: 512)
 * @param typeVocab rows of the token-type table (paper: 2)
 * @param layerNormEps LayerNorm epsilon (BERT: 1e-12)
 */
@Doc("BERT encoder of token modalities: embeddings and a transformer stack.")
public record TokenEncoderConfig(
        @Doc("Transformer layers (paper: 6).") int layers,
        @Doc("Attention heads; model.hidden must be divisible by it (paper: 12).") int heads,
        @Doc("Feed-forward inner size (paper: 3072).") int ffn,
        @Doc("Feed-forward activation: gelu, quick-gelu or relu.") String activation,
        @Doc("Layer norm placement: post (BERT) or pre.") String norm,
        @Doc("Hidden dropout probability (paper: 0.1).") double dropout,
        @Doc("Dropout on the attention probabilities (paper: 0.1).") double attentionDropout,
        @Doc("Rows of the position table; 0 = the modality's token count (paper: 512).") int maxPositions,
        @Doc("Rows of the token-type table (paper: 2).") int typeVocab,
        @Doc("LayerNorm epsilon (BERT: 1e-12).") double layerNormEps) {

    public TokenEncoderConfig {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(norm, "norm");
        ConfigChecks.layers(layers, heads, ffn);
        ConfigChecks.options(activation, norm, dropout, attentionDropout, layerNormEps);
        ConfigChecks.positions(maxPositions);
        if (typeVocab < 1) {
            throw new IllegalArgumentException("type_vocab must be >= 1, got " + typeVocab);
        }
    }

    /** The paper's text encoder: 6 post-LN GELU layers, 12 heads, FFN 3072, dropout 0.1. */
    public static TokenEncoderConfig defaults() {
        return new TokenEncoderConfig(6, 12, 3072, "gelu", "post", 0.1, 0.1, 0, 2, 1e-12);
    }
}
