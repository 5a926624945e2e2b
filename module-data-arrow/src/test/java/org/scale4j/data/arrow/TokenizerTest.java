package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataException;
import org.scale4j.data.arrow.tokenize.TokenizerHandle;
import org.scale4j.data.arrow.tokenize.VocabularyBuilder;

/** The built vocabulary writes a tokenizer.json that DJL's HF tokenizers library loads offline. */
class TokenizerTest {

    @TempDir Path tmp;

    private Path build(String model, int size) throws IOException {
        VocabularyBuilder b = new VocabularyBuilder();
        for (String text : List.of("Red running shoe", "red shoe, size 42", "Blue phone case", "red phone")) {
            b.add(text);
        }
        List<String> vocab = b.vocabulary(model, size, 1);
        Path file = tmp.resolve(model + ".json");
        VocabularyBuilder.write(VocabularyBuilder.tokenizerJson(vocab, model), file);
        return file;
    }

    @Test
    void wordLevelVocabularyByFrequency() throws IOException {
        Path file = build("wordlevel", 100);
        try (TokenizerHandle t = TokenizerHandle.load(file, "k")) {
            // specials 0..4, then by count: red(3), phone(2), shoe(2), then ",", 42, blue, case, running, size
            assertEquals(5 + 9, t.vocabulary().size());
            assertArrayEquals(new long[] {5, 7, 6}, t.encode(List.of("RED shoe phone"))[0]);
            assertArrayEquals(new long[] {5, 4}, t.encode(List.of("red unicorn"))[0]);
        }
    }

    @Test
    void wordPieceSplitsUnseenWordsIntoKnownPieces() throws IOException {
        Path file = build("wordpiece", 1000);
        try (TokenizerHandle t = TokenizerHandle.load(file, "k")) {
            long[] ids = t.encode(List.of("reds"))[0];
            assertEquals(2, ids.length, "red + ##s");
            assertTrue(java.util.Arrays.stream(ids).noneMatch(id -> id == t.vocabulary().unkId()));
        }
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(build("wordpiece", 1000)), "deterministic");
    }

    @Test
    void vocabularyWordsAreLowerCasedWithoutAccentsAndCountedByFrequency() {
        VocabularyBuilder b = new VocabularyBuilder();
        for (String text : List.of("Café CRÈME", "cafe creme", "CAFE, Naïve", "手机 cafe")) {
            b.add(text);
        }
        // cafe 4 (accented and ASCII spellings meet), creme 2, then by word: ",", naive, 手, 机
        assertEquals(List.of("[PAD]", "[CLS]", "[SEP]", "[MASK]", "[UNK]", "cafe", "creme", ",", "naive", "手", "机"),
                b.vocabulary("wordlevel", 100, 1));
        assertEquals(List.of("[PAD]", "[CLS]", "[SEP]", "[MASK]", "[UNK]", "cafe", "creme"),
                b.vocabulary("wordlevel", 100, 2), "min_freq 2");
    }

    @Test
    void tokenizerWithoutSpecialTokensIsRejected() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"model\": {\"type\": \"WordLevel\", \"vocab\": {\"[UNK]\": 0, \"a\": 1},"
                + " \"unk_token\": \"[UNK]\"}}");
        assertEquals(file + ": the tokenizer has no [PAD] token; scale4j needs [[PAD], [CLS], [SEP], [MASK], [UNK]]"
                + " (data.modalities.text.tokenizer.path)", assertThrows(DataException.class,
                        () -> TokenizerHandle.load(file, "data.modalities.text.tokenizer.path")).getMessage());
        assertEquals(tmp.resolve("none.json") + ": tokenizer file not found (k)", assertThrows(DataException.class,
                () -> TokenizerHandle.load(tmp.resolve("none.json"), "k")).getMessage());
    }
}
