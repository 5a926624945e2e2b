package org.scale4j.data.arrow.config;

import java.util.Objects;

import org.scale4j.api.config.Doc;

/**
 * The {@code tokens} kind: a utf8 text column (the title) as {@code [CLS] tokens [SEP]}.
 *
 * @param maxLen token positions per sample, [CLS] and [SEP] included (default 36, the paper's title)
 * @param tokenizer the tokenizer (default {@link TokenizerConfig#defaults()})
 * @param pretokenized whether the column already holds token ids ({@code list<int32>}, e.g. the
 *     importer's {@code title_ids}) without [CLS]/[SEP]; the tokenizer then only supplies the
 *     vocabulary, so it must be the {@code tokenizer.json} the ids were made with
 */
@Doc("A utf8 text column (or pre-tokenized ids) as [CLS] tokens [SEP].")
public record TokensConfig(
        @Doc("Token positions per product, [CLS] and [SEP] included, ≥ 3 (paper title: 36); longer text is cut.") int maxLen,
        @Doc("The tokenizer: {type: built-vocab, ...} or {type: hf, path: tokenizer.json}.") TokenizerConfig tokenizer,
        @Doc("The column holds token ids (list<int32>, e.g. the importer's title_ids) without [CLS]/[SEP]; the "
                + "tokenizer must then be {type: hf, path: ...}, the tokenizer.json the ids were made with.")
        boolean pretokenized) {

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
