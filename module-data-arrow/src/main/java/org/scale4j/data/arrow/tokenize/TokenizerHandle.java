package org.scale4j.data.arrow.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.Vocabulary;

/**
 * A HuggingFace {@code tokenizer.json} loaded through DJL's tokenizers library (native, offline:
 * always from a path, never from the hub), with the special-token ids scale4j needs.
 *
 * <p>Encoding adds no special tokens: collators place [CLS] and [SEP] themselves and truncate to
 * the recipe's {@code max_len}.
 */
public final class TokenizerHandle implements AutoCloseable {

    /** The special tokens every tokenizer must define. */
    public static final List<String> SPECIALS = List.of("[PAD]", "[CLS]", "[SEP]", "[MASK]", "[UNK]");

    private final Path path;
    private final HuggingFaceTokenizer tokenizer;
    private final Vocabulary vocabulary;

    private TokenizerHandle(Path path, HuggingFaceTokenizer tokenizer, Vocabulary vocabulary) {
        this.path = path;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /**
     * Loads {@code path}.
     *
     * @param recipeKey the recipe key that names the file, for messages
     * @throws DataException when the file is missing, unreadable or lacks a special token
     */
    public static TokenizerHandle load(Path path, String recipeKey) {
        if (!Files.isRegularFile(path)) {
            throw new DataException(path + ": tokenizer file not found (" + recipeKey + ")");
        }
        Vocabulary vocabulary = readVocabulary(path, recipeKey);
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(path)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new TokenizerHandle(path, tokenizer, vocabulary);
        } catch (IOException | RuntimeException e) {
            throw new DataException(path + ": the HuggingFace tokenizers library cannot load it (" + e.getMessage()
                    + "); " + recipeKey + " must name a tokenizer.json", e);
        }
    }

    private static Vocabulary readVocabulary(Path path, String recipeKey) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new DataException(path + ": not a JSON tokenizer file (" + recipeKey + "): " + e.getMessage(), e);
        }
        Map<String, Integer> ids = new HashMap<>();
        int size = 0;
        JsonNode vocab = json.path("model").path("vocab");
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ids.put(e.getKey(), e.getValue().asInt());
                size = Math.max(size, e.getValue().asInt() + 1);
            }
        } else if (vocab.isArray()) { // Unigram: [[piece, score], ...]
            for (int i = 0; i < vocab.size(); i++) {
                ids.put(vocab.get(i).get(0).asText(), i);
            }
            size = vocab.size();
        }
        for (JsonNode added : json.path("added_tokens")) {
            ids.put(added.path("content").asText(), added.path("id").asInt());
            size = Math.max(size, added.path("id").asInt() + 1);
        }
        int[] special = new int[SPECIALS.size()];
        for (int i = 0; i < special.length; i++) {
            Integer id = ids.get(SPECIALS.get(i));
            if (id == null) {
                throw new DataException(path + ": the tokenizer has no " + SPECIALS.get(i) + " token; scale4j needs "
                        + SPECIALS + " (" + recipeKey + ")");
            }
            special[i] = id;
        }
        return new Vocabulary(size, special[0], special[1], special[2], special[3], special[4]);
    }

    /** The vocabulary size and special ids. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The tokenizer file. */
    public Path path() {
        return path;
    }

    /**
     * Token ids of each text, without special tokens.
     *
     * <p>Asks the native library for the ids alone: {@code HuggingFaceTokenizer.batchEncode} also
     * copies out every encoding's tokens as Java strings, its type ids, word ids, sequence ids,
     * attention and special-token masks and character spans (ten JNI calls per text), which cost
     * more than the tokenization itself for the short key and value texts of a table. Same ids:
     * both run the same native encoder, and this tokenizer is built without lower-casing in Java,
     * truncation or padding.
     */
    public long[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new long[0][];
        }
        String[] input = texts.toArray(new String[0]);
        for (int i = 0; i < input.length; i++) {
            if (input[i] == null) {
                throw new NullPointerException("text " + i + " to tokenize is null");
            }
        }
        long[] encodings = TokenizersLibrary.LIB.batchEncode(tokenizer.getHandle(), input, false);
        long[][] out = new long[encodings.length][];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = TokenizersLibrary.LIB.getTokenIds(encodings[i]);
            }
        } finally {
            for (long encoding : encodings) {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
