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
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.Vocabulary;

/**
 * A HuggingFace {@code tokenizer.json} loaded through DJL's tokenizers library (native, offline:
 * always from a path, never from the hub), with the special-token ids scale4j needs.
 *
 * <p>Encoding adds no special tokens: collators place [CLS] and [SEP] themselves and truncate to
 * the recipe's {@code max_len}.
 *
 * <p>For the common BERT WordPiece pipeline, ASCII texts are encoded in Java by
 * {@link AsciiWordPieceEncoder} (same ids, about 35 times faster than the native call); whether the
 * file's pipeline allows it is decided once, at load. All other texts, and every text of any other
 * tokenizer, go to the native library.
 */
public final class TokenizerHandle implements AutoCloseable {

    /** The special tokens every tokenizer must define. */
    public static final List<String> SPECIALS = List.of("[PAD]", "[CLS]", "[SEP]", "[MASK]", "[UNK]");

    private final Path path;
    private final HuggingFaceTokenizer tokenizer;
    private final Vocabulary vocabulary;
    /** Null when the file's pipeline is not the one the Java encoder reproduces. */
    private final AsciiWordPieceEncoder javaEncoder;
    private final LongAdder encodedInJava = new LongAdder();

    private TokenizerHandle(Path path, HuggingFaceTokenizer tokenizer, Vocabulary vocabulary,
            AsciiWordPieceEncoder javaEncoder) {
        this.path = path;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.javaEncoder = javaEncoder;
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
        JsonNode json = readJson(path, recipeKey);
        Vocabulary vocabulary = readVocabulary(json, path, recipeKey);
        Optional<AsciiWordPieceEncoder> javaEncoder = AsciiWordPieceEncoder.forTokenizer(json);
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(path)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new TokenizerHandle(path, tokenizer, vocabulary, javaEncoder.orElse(null));
        } catch (IOException | RuntimeException e) {
            throw new DataException(path + ": the HuggingFace tokenizers library cannot load it (" + e.getMessage()
                    + "); " + recipeKey + " must name a tokenizer.json", e);
        }
    }

    private static JsonNode readJson(Path path, String recipeKey) {
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new DataException(path + ": not a JSON tokenizer file (" + recipeKey + "): " + e.getMessage(), e);
        }
    }

    private static Vocabulary readVocabulary(JsonNode json, Path path, String recipeKey) {
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
     * Token ids of each text, without special tokens, in the order of {@code texts}.
     *
     * <p>ASCII texts without an added token go to the Java encoder when the tokenizer allows it
     * (see the class comment); the rest go to the native library in one batch.
     */
    public long[][] encode(List<String> texts) {
        long[][] out = new long[texts.size()][];
        int[] nativeAt = new int[out.length];
        int natives = 0;
        AsciiWordPieceEncoder.Scratch scratch = javaEncoder == null ? null : javaEncoder.scratch();
        for (int i = 0; i < out.length; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new NullPointerException("text " + i + " to tokenize is null");
            }
            long[] ids = scratch == null ? null : javaEncoder.encode(text, scratch);
            if (ids != null) {
                out[i] = ids;
            } else {
                nativeAt[natives++] = i;
            }
        }
        encodedInJava.add(out.length - natives);
        if (natives > 0) {
            String[] input = new String[natives];
            for (int j = 0; j < natives; j++) {
                input[j] = texts.get(nativeAt[j]);
            }
            long[][] ids = encodeNatively(input);
            for (int j = 0; j < natives; j++) {
                out[nativeAt[j]] = ids[j];
            }
        }
        return out;
    }

    /**
     * Asks the native library for the ids alone: {@code HuggingFaceTokenizer.batchEncode} also
     * copies out every encoding's tokens as Java strings, its type ids, word ids, sequence ids,
     * attention and special-token masks and character spans (ten JNI calls per text), which cost
     * more than the tokenization itself for the short key and value texts of a table. Same ids:
     * both run the same native encoder, and this tokenizer is built without lower-casing in Java,
     * truncation or padding.
     */
    private long[][] encodeNatively(String[] input) {
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

    /** Whether this tokenizer's pipeline lets ASCII texts be encoded in Java (decided at load). */
    boolean encodesAsciiInJava() {
        return javaEncoder != null;
    }

    /** How many texts the Java encoder has encoded so far (the rest went to the native library). */
    long textsEncodedInJava() {
        return encodedInJava.sum();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
