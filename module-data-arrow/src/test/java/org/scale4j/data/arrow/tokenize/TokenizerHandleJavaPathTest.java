package org.scale4j.data.arrow.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TokenizerHandle#encode} takes the Java path exactly for ASCII texts without an added token
 * of a supported tokenizer, the native path for everything else, and returns the ids in the order
 * of the texts either way.
 */
class TokenizerHandleJavaPathTest {

    @TempDir Path tmp;

    /** Native ids of each text, from DJL's full encoding. */
    /** {@code handle} encodes {@code texts} to the ids DJL's full native encoding gives. */
    private static void assertSameIdsAsNative(TokenizerHandle handle, Path file, List<String> texts, String label)
            throws IOException {
        long[][] ids = handle.encode(texts);
        long[][] expected = nativeIds(file, texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(expected[i], ids[i], label + texts.get(i));
        }
    }

    private static long[][] nativeIds(Path file, List<String> texts) throws IOException {
        try (HuggingFaceTokenizer djl = HuggingFaceTokenizer.builder().optTokenizerPath(file)
                .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
            return texts.stream().map(t -> djl.encode(t, false, false).getIds()).toArray(long[][]::new);
        }
    }

    @Test
    void asciiTextsTakeTheJavaPathTheOthersTheNativeOneInOrder() throws IOException {
        Path file = TokenizerFiles.built(tmp, 120);
        List<String> texts = List.of("Red running shoe", "蓝色 手机壳", "size 42 [MASK] phone", "café crème",
                "unbelievable shoebox!", "", "blue [CLS]", "USB-C charger 65W", "naïve", "red\u000Bshoe\tcase");
        try (TokenizerHandle handle = TokenizerHandle.load(file, "k")) {
            assertTrue(handle.encodesAsciiInJava());
            assertSameIdsAsNative(handle, file, texts, "");
            assertEquals(5, handle.textsEncodedInJava(), "the five ASCII texts without [MASK] or [CLS]");
            handle.encode(List.of("蓝色", "[SEP]"));
            assertEquals(5, handle.textsEncodedInJava(), "non-ASCII and special-token texts stay native");
            handle.encode(List.of("red phone"));
            assertEquals(6, handle.textsEncodedInJava());
            assertEquals(0, handle.encode(List.of()).length);
        }
    }

    /** Clean-text drops 0x0B and 0x0C before mapping whitespace: they join words instead of splitting them. */
    @Test
    void verticalTabAndFormFeedJoinWordsLikeTheNativeLibrary() throws IOException {
        Path file = TokenizerFiles.built(tmp, 400);
        try (TokenizerHandle handle = TokenizerHandle.load(file, "k")) {
            long[][] ids = handle.encode(List.of("red\u000Bshoe", "red\u000Cshoe", "redshoe", "red\u001Cshoe",
                    "red\tshoe", "red shoe"));
            assertArrayEquals(ids[2], ids[0]);
            assertArrayEquals(ids[2], ids[1]);
            assertArrayEquals(ids[2], ids[3], "0x1C is a control char, not whitespace, to Rust");
            assertArrayEquals(ids[5], ids[4]);
            assertFalse(java.util.Arrays.equals(ids[2], ids[5]));
            assertEquals(6, handle.textsEncodedInJava());
            long[][] expected = nativeIds(file, List.of("red\u000Bshoe", "red shoe"));
            assertArrayEquals(expected[0], ids[0]);
            assertArrayEquals(expected[1], ids[5]);
        }
    }

    @Test
    void unsupportedTokenizersAlwaysTakeTheNativePath() throws IOException {
        List<String> texts = List.of("Red running shoe", "red shoe, size 42", "blue phone");
        Map<String, Consumer<Map<String, Object>>> edits = Map.of(
                "sequence-normalizer", json -> json.put("normalizer", Map.of("type", "Sequence", "normalizers",
                        List.of(Map.of("type", "NFD"), Map.of("type", "Lowercase")))),
                "lowercase-normalizer", json -> json.put("normalizer", Map.of("type", "Lowercase")),
                "whitespace-pre-tokenizer", json -> json.put("pre_tokenizer", Map.of("type", "Whitespace")),
                "no-pre-tokenizer", json -> json.put("pre_tokenizer", null),
                "unk-not-in-vocab", json -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> model = (Map<String, Object>) json.get("model");
                    model.put("unk_token", "[NOT-IN-VOCAB]");
                },
                "normalized-non-ascii-added-token", json -> json.put("added_tokens", List.of(Map.of("id", 0,
                        "content", "[PAD]", "single_word", false, "lstrip", false, "rstrip", false,
                        "normalized", false, "special", true), Map.of("id", 1, "content", "[CLS]", "single_word",
                        false, "lstrip", false, "rstrip", false, "normalized", false, "special", true), Map.of("id",
                        2, "content", "[SEP]", "single_word", false, "lstrip", false, "rstrip", false,
                        "normalized", false, "special", true), Map.of("id", 3, "content", "[MASK]", "single_word",
                        false, "lstrip", false, "rstrip", false, "normalized", false, "special", true), Map.of("id",
                        4, "content", "[UNK]", "single_word", false, "lstrip", false, "rstrip", false,
                        "normalized", false, "special", true), Map.of("id", 5, "content", "Café", "single_word",
                        false, "lstrip", false, "rstrip", false, "normalized", true, "special", false))));
        for (Map.Entry<String, Consumer<Map<String, Object>>> e : edits.entrySet()) {
            Path file = TokenizerFiles.edited(tmp.resolve(e.getKey() + ".json"), e.getValue());
            try (TokenizerHandle handle = TokenizerHandle.load(file, "k")) {
                assertFalse(handle.encodesAsciiInJava(), e.getKey());
                assertSameIdsAsNative(handle, file, texts, e.getKey() + ": ");
                assertEquals(0, handle.textsEncodedInJava(), e.getKey());
            }
        }
        VocabularyBuilder b = new VocabularyBuilder();
        TokenizerFiles.CORPUS.forEach(b::add);
        Path wordLevel = tmp.resolve("wordlevel.json");
        VocabularyBuilder.write(VocabularyBuilder.tokenizerJson(b.vocabulary("wordlevel", 100, 1), "wordlevel"),
                wordLevel);
        try (TokenizerHandle handle = TokenizerHandle.load(wordLevel, "k")) {
            assertFalse(handle.encodesAsciiInJava(), "WordLevel");
            handle.encode(texts);
            assertEquals(0, handle.textsEncodedInJava());
        }
    }

    /** A normalized added token is looked for in the normalized text: here lower-cased. */
    @Test
    void aNormalizedAddedTokenSendsTheTextsHoldingItToTheNativeLibrary() throws IOException {
        Path file = TokenizerFiles.edited(tmp.resolve("added.json"), json -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> added = new java.util.ArrayList<>((List<Map<String, Object>>) json.get(
                    "added_tokens"));
            added.add(Map.of("id", 9999, "content", "Shoe Box", "single_word", false, "lstrip", false, "rstrip",
                    false, "normalized", true, "special", false));
            json.put("added_tokens", added);
        });
        List<String> texts = List.of("red SHOE BOX", "red shoe\tbox", "red shoe  box", "shoebox", "red shoe\u0001 box");
        try (TokenizerHandle handle = TokenizerHandle.load(file, "k")) {
            assertTrue(handle.encodesAsciiInJava());
            assertSameIdsAsNative(handle, file, texts, "");
            assertEquals(2, handle.textsEncodedInJava(), "the two spaced differently");
        }
    }
}
