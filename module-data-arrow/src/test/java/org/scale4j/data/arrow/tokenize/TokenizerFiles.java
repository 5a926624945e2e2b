package org.scale4j.data.arrow.tokenize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The {@code tokenizer.json} variants the Java encoder is checked against, for tests. */
final class TokenizerFiles {

    /** Product-title-like text: the built vocabularies' corpus and the generators' words. */
    static final List<String> CORPUS = List.of("Red running shoe", "red shoe, size 42", "Blue phone case",
            "red phone", "Leather wallet for men (brown)", "USB-C charger 65W fast charging", "kids' rain boots",
            "stainless steel water bottle 750ml", "wireless earbuds with charging case", "cotton t-shirt XL",
            "phone case shockproof", "running shoes men size 44", "unbelievable", "shoebox");

    private TokenizerFiles() {
    }

    /** Every whole word of the corpus after BERT normalization. */
    static List<String> words() {
        List<String> out = new ArrayList<>();
        for (String text : CORPUS) {
            for (String w : VocabularyBuilder.words(text)) {
                if (!out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /**
     * The WordPiece tokenizer {@link VocabularyBuilder} writes from {@link #CORPUS} (lower case,
     * every corpus char as a piece), with at most {@code size} entries.
     */
    static Path built(Path dir, int size) throws IOException {
        return write(dir.resolve("built-" + size + ".json"), json(size), json -> { });
    }

    /**
     * A cased BERT tokenizer like {@code bert-base-cased}'s: {@code lowercase: false},
     * {@code strip_accents: false}, a TemplateProcessing post-processor, and both the lower-case
     * and the capitalised spelling of every built piece.
     */
    @SuppressWarnings("unchecked")
    static Path cased(Path dir) throws IOException {
        return write(dir.resolve("cased.json"), json(400), json -> {
            Map<String, Object> normalizer = (Map<String, Object>) json.get("normalizer");
            normalizer.put("lowercase", false);
            normalizer.put("strip_accents", false);
            Map<String, Object> model = (Map<String, Object>) json.get("model");
            Map<String, Integer> vocab = (Map<String, Integer>) model.get("vocab");
            for (String piece : new ArrayList<>(vocab.keySet())) {
                String cap = piece.startsWith("##") ? "##" + capitalise(piece.substring(2)) : capitalise(piece);
                vocab.putIfAbsent(cap, vocab.size());
            }
            json.put("post_processor", Map.of("type", "TemplateProcessing",
                    "single", List.of(special("[CLS]"), sequence("A"), special("[SEP]")),
                    "pair", List.of(special("[CLS]"), sequence("A"), special("[SEP]"), sequence("B"),
                            special("[SEP]")),
                    "special_tokens", Map.of("[CLS]", Map.of("id", "[CLS]", "ids", List.of(1), "tokens",
                            List.of("[CLS]")), "[SEP]", Map.of("id", "[SEP]", "ids", List.of(2), "tokens",
                            List.of("[SEP]")))));
        });
    }

    /**
     * No normalizer at all (control chars stay in words, case is kept), {@code @@} as the
     * continuing prefix, words of more than 8 chars [UNK], and a BertProcessing post-processor.
     */
    @SuppressWarnings("unchecked")
    static Path raw(Path dir) throws IOException {
        return write(dir.resolve("raw.json"), json(400), json -> {
            json.put("normalizer", null);
            json.put("post_processor", Map.of("type", "BertProcessing", "sep", List.of("[SEP]", 2),
                    "cls", List.of("[CLS]", 1)));
            Map<String, Object> model = (Map<String, Object>) json.get("model");
            Map<String, Integer> vocab = (Map<String, Integer>) model.get("vocab");
            Map<String, Integer> renamed = new LinkedHashMap<>();
            vocab.forEach((piece, id) -> renamed.put(piece.startsWith("##") ? "@@" + piece.substring(2) : piece, id));
            model.put("vocab", renamed);
            model.put("continuing_subword_prefix", "@@");
            model.put("max_input_chars_per_word", 8);
        });
    }

    /** The contents of {@link #addedFlags}'s extra added tokens. */
    static final List<String> FLAGGED = List.of("Shoe Box", "xyz", "Run", "a\u000Bb");

    /**
     * The built tokenizer plus added tokens with every matching flag: {@code Shoe Box} normalized
     * with lstrip, {@code xyz} raw with single_word, {@code Run} normalized with rstrip, and a
     * normalized token holding a control char that clean_text drops ({@code a\u000Bb}, matched as
     * {@code ab}).
     */
    @SuppressWarnings("unchecked")
    static Path addedFlags(Path dir) throws IOException {
        return write(dir.resolve("added-flags.json"), json(400), json -> {
            List<Map<String, Object>> added = new ArrayList<>((List<Map<String, Object>>) json.get("added_tokens"));
            added.add(added("Shoe Box", 9990, true, true, false, false));
            added.add(added("xyz", 9991, false, false, false, true));
            added.add(added("Run", 9992, true, false, true, false));
            added.add(added("a\u000Bb", 9993, true, false, false, false));
            json.put("added_tokens", added);
        });
    }

    private static Map<String, Object> added(String content, int id, boolean normalized, boolean lstrip,
            boolean rstrip, boolean singleWord) {
        return Map.of("id", id, "content", content, "single_word", singleWord, "lstrip", lstrip, "rstrip", rstrip,
                "normalized", normalized, "special", false);
    }

    /** The built tokenizer with one change, for configurations the Java encoder must not take. */
    static Path edited(Path file, Consumer<Map<String, Object>> edit) throws IOException {
        return write(file, json(400), edit);
    }

    static Map<String, Object> json(int size) {
        VocabularyBuilder b = new VocabularyBuilder();
        CORPUS.forEach(b::add);
        return VocabularyBuilder.tokenizerJson(b.vocabulary("wordpiece", size, 1), "wordpiece");
    }

    private static Path write(Path file, Map<String, Object> json, Consumer<Map<String, Object>> edit)
            throws IOException {
        edit.accept(json);
        VocabularyBuilder.write(json, file);
        return file;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Object> special(String id) {
        return Map.of("SpecialToken", Map.of("id", id, "type_id", 0));
    }

    private static Map<String, Object> sequence(String id) {
        return Map.of("Sequence", Map.of("id", id, "type_id", 0));
    }
}
