package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.data.arrow.tokenize.EncodingCache;
import org.scale4j.data.arrow.tokenize.TokenizerHandle;
import org.scale4j.data.arrow.tokenize.VocabularyBuilder;

/**
 * The loader's ids-only tokenization gives DJL's ids, and the bounded cache of table texts gives the
 * tokenizer's ids while never holding more than its capacity.
 */
class EncodingCacheTest {

    @TempDir Path tmp;

    private static final List<String> TEXTS = List.of("Red running shoe", "RED Shoe, size 42", "", "café crème",
            "蓝色 手机壳", "  spaces   around ", "unseenword", "品牌", "a,b;c", "Ünïcödé naïve résumé");

    private Path tokenizer() throws IOException {
        VocabularyBuilder b = new VocabularyBuilder();
        for (String text : TEXTS) {
            b.add(text);
        }
        Path file = tmp.resolve("wordpiece.json");
        VocabularyBuilder.write(VocabularyBuilder.tokenizerJson(b.vocabulary("wordpiece", 200, 1), "wordpiece"), file);
        return file;
    }

    @Test
    void idsOnlyEncodingEqualsDjlsFullEncoding() throws IOException {
        Path file = tokenizer();
        try (TokenizerHandle handle = TokenizerHandle.load(file, "k");
                HuggingFaceTokenizer djl = HuggingFaceTokenizer.builder().optTokenizerPath(file)
                        .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
            long[][] ours = handle.encode(TEXTS);
            Encoding[] theirs = djl.batchEncode(TEXTS, false, false);
            assertEquals(theirs.length, ours.length);
            for (int i = 0; i < ours.length; i++) {
                assertArrayEquals(theirs[i].getIds(), ours[i], TEXTS.get(i));
            }
            assertEquals(0, ours[2].length, "the empty text has no tokens");
            assertTrue(ours[0].length >= 3);
            List<String> withNull = new ArrayList<>(TEXTS);
            withNull.set(4, null);
            assertEquals("text 4 to tokenize is null",
                    assertThrows(NullPointerException.class, () -> handle.encode(withNull)).getMessage());
        }
    }

    @Test
    void cachedIdsEqualTheTokenizersAndAreReused() throws IOException {
        try (TokenizerHandle handle = TokenizerHandle.load(tokenizer(), "k")) {
            EncodingCache cache = new EncodingCache(handle, 100);
            long[][] first = cache.encode(TEXTS);
            long[][] direct = handle.encode(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(direct[i], first[i], TEXTS.get(i));
            }
            assertEquals(TEXTS.size(), cache.size());
            long[][] again = cache.encode(List.of("café crème", "Red running shoe", "not seen before"));
            assertSame(first[3], again[0], "a hit returns the remembered ids");
            assertSame(first[0], again[1]);
            assertArrayEquals(handle.encode(List.of("not seen before"))[0], again[2]);
            assertEquals(TEXTS.size() + 1, cache.size());
        }
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacityNorLongTexts() throws IOException {
        try (TokenizerHandle handle = TokenizerHandle.load(tokenizer(), "k")) {
            EncodingCache cache = new EncodingCache(handle, 8);
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                many.add("shoe " + i);
            }
            long[][] ids = cache.encode(many);
            assertTrue(cache.size() <= 8, "size " + cache.size());
            assertArrayEquals(handle.encode(List.of("shoe 49"))[0], ids[49]);
            String title = "red running shoe ".repeat(5); // longer than EncodingCache.LONGEST
            assertTrue(title.length() > EncodingCache.LONGEST);
            EncodingCache fresh = new EncodingCache(handle, 8);
            assertArrayEquals(handle.encode(List.of(title))[0], fresh.encode(List.of(title))[0]);
            assertEquals(0, fresh.size(), "long texts are not remembered");
            assertEquals("capacity must be positive: 0",
                    assertThrows(IllegalArgumentException.class, () -> new EncodingCache(handle, 0)).getMessage());
        }
    }
}
