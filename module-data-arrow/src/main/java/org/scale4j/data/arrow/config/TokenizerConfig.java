package org.scale4j.data.arrow.config;

import org.scale4j.api.config.Doc;

/**
 * The tokenizer of a token modality ({@code data.modalities.<name>.tokenizer}).
 *
 * @param type {@code built-vocab} (default: scan the training split and write a tokenizer.json
 *     under {@code <dataset>/tokenizers/}) or {@code hf} (load {@code path})
 * @param path for {@code hf}: a HuggingFace {@code tokenizer.json}, absolute, relative to the working
 *     directory or to the dataset directory; ignored for {@code built-vocab}
 * @param model for {@code built-vocab}: {@code wordpiece} (default) or {@code wordlevel}
 * @param vocabSize for {@code built-vocab}: the largest vocabulary, specials included (default 30000)
 * @param minFreq for {@code built-vocab}: the least count of a word to get its own id (default 1)
 */
@Doc("The tokenizer of a token modality.")
public record TokenizerConfig(
        @Doc("built-vocab: scan the training split and write <dataset>/tokenizers/...tokenizer.json; hf: load path.") String type,
        @Doc("For hf: a HuggingFace tokenizer.json, absolute or relative to the working or the dataset directory.") String path,
        @Doc("For built-vocab: wordpiece or wordlevel.") String model,
        @Doc("For built-vocab: the largest vocabulary, special tokens included, ≥ 16.") int vocabSize,
        @Doc("For built-vocab: the least count of a word to get its own id, ≥ 1.") int minFreq) {

    public TokenizerConfig {
        type = type == null ? "built-vocab" : type;
        model = model == null ? "wordpiece" : model;
        if (!type.equals("built-vocab") && !type.equals("hf")) {
            throw new IllegalArgumentException("tokenizer.type must be built-vocab or hf, got '" + type + "'");
        }
        if (type.equals("hf") && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("tokenizer.type hf needs tokenizer.path (a tokenizer.json)");
        }
        if (!model.equals("wordpiece") && !model.equals("wordlevel")) {
            throw new IllegalArgumentException("tokenizer.model must be wordpiece or wordlevel, got '" + model + "'");
        }
        if (vocabSize < 16) {
            throw new IllegalArgumentException("tokenizer.vocab_size must be >= 16, got " + vocabSize);
        }
        if (minFreq < 1) {
            throw new IllegalArgumentException("tokenizer.min_freq must be >= 1, got " + minFreq);
        }
    }

    /** A built WordPiece vocabulary of up to 30000 ids from words seen at least once. */
    public static TokenizerConfig defaults() {
        return new TokenizerConfig("built-vocab", null, "wordpiece", 30000, 1);
    }
}
