package org.scale4j.data.arrow.config;

import java.util.Objects;

/**
 * The {@code tokens} kind: a utf8 text column (the title) as {@code [CLS] tokens [SEP]}.
 *
 * @param maxLen token positions per sample, [CLS] and [SEP] included (default 36, the paper's title)
 * @param tokenizer the tokenizer (default {@link TokenizerConfig#defaults()})
 */
public record TokensConfig(int maxLen, TokenizerConfig tokenizer) {

    public TokensConfig {
        if (maxLen < 3) {
            throw new IllegalArgumentException("max_len must be >= 3 ([CLS], a token, [SEP]), got " + maxLen);
        }
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public static TokensConfig defaults() {
        return new TokensConfig(36, TokenizerConfig.defaults());
    }
}
