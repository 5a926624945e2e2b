package org.scale4j.data.arrow.config;

import java.util.Objects;

import org.scale4j.api.config.Doc;

/**
 * The {@code key-value} kind: a {@code list<struct<key, value>>} table as
 * {@code [CLS] k1 v1 k2 v2 ... [SEP]}, keys and values tokenized separately.
 *
 * @param maxLen token positions per sample, [CLS] and [SEP] included (default 64, the paper's table)
 * @param tokenizer the tokenizer (default {@link TokenizerConfig#defaults()})
 */
@Doc("A key/value table as [CLS] k1 v1 k2 v2 ... [SEP].")
public record KeyValueConfig(
        @Doc("Token positions per product, [CLS] and [SEP] included, ≥ 3 (paper table: 64); longer tables are cut.") int maxLen,
        @Doc("The tokenizer: {type: built-vocab, ...} or {type: hf, path: tokenizer.json}.") TokenizerConfig tokenizer) {

    public KeyValueConfig {
        if (maxLen < 3) {
            throw new IllegalArgumentException("max_len must be >= 3, got " + maxLen);
        }
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public static KeyValueConfig defaults() {
        return new KeyValueConfig(64, TokenizerConfig.defaults());
    }
}
