package org.scale4j.data.arrow.config;

import java.util.Objects;

/**
 * The {@code tokens} kind: a utf8 text column (the title) as {@code [CLS] tokens [SEP]}.
 *
 * @param maxLen token positions per sample, [CLS] and [SEP] included (default 36, the paper's title)
 * @param tokenizer the tokenizer (default {@link TokenizerConfig#defaults()})
 * @param pretokenized whether the column already holds token ids ({@code list<int32>}, e.g. the
 *     importer's {@code title_ids}) without [CLS]/[SEP]; the tokenizer then only supplies the
 *     vocabulary, so it must be the {@code tokenizer.json} the ids were made with
 */
public record TokensConfig(int maxLen, TokenizerConfig tokenizer, boolean pretokenized) {

    public TokensConfig {
        if (maxLen < 3) {
            throw new IllegalArgumentException("max_len must be >= 3 ([CLS], a token, [SEP]), got " + maxLen);
        }
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public static TokensConfig defaults() {
        return new TokensConfig(36, TokenizerConfig.defaults(), false);
    }
}
