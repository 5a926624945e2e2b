package org.scale4j.data.arrow.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * The Java encoder gives exactly the native HuggingFace library's ids: random ASCII texts built to
 * hit the hard cases (vocabulary words and pieces glued together, punctuation runs, every control
 * char, the whitespace chars Rust and Java disagree on, words around the 100-char limit, the
 * special tokens and their fragments) for three tokenizers, and the synthetic generator's titles
 * for the tokenizer the loader builds from them. The reference is DJL's full native encoding, not
 * {@link TokenizerHandle}.
 */
class AsciiWordPieceEncoderTest {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final List<String> SPECIALS = List.of("[MASK]", "[CLS]", "[SEP]", "[PAD]", "[UNK]");

    private static Path dir;
    private static Checked built;
    private static Checked cased;
    private static Checked raw;
    private static Checked flagged;

    /** A tokenizer file: its Java encoder and the native reference. */
    private record Checked(AsciiWordPieceEncoder encoder, HuggingFaceTokenizer reference) {

        static Checked of(Path file) throws IOException {
            AsciiWordPieceEncoder encoder = AsciiWordPieceEncoder.forTokenizer(
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile())).orElseThrow();
            return new Checked(encoder, HuggingFaceTokenizer.builder().optTokenizerPath(file)
                    .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build());
        }

        /**
         * Java ids equal native ids; the Java encoder declines only non-ASCII or special-token text.
         *
         * @return whether the Java encoder encoded the text
         */
        boolean check(String text) {
            long[] expected = reference.encode(text, false, false).getIds();
            long[] ids = encoder.encode(text, encoder.scratch());
            boolean mustDecline = !AddedTokenScreen.isAscii(text) || SPECIALS.stream().anyMatch(text::contains);
            if (mustDecline) {
                assertEquals(null, ids, () -> "the Java encoder must leave " + show(text) + " to the native library");
                return false;
            }
            assertNotNull(ids, () -> "the Java encoder declined " + show(text));
            assertArrayEquals(expected, ids, () -> show(text));
            return true;
        }

        /**
         * For a tokenizer whose added tokens match in ways the screen only approximates (normalized
         * contents, lstrip, rstrip, single_word): whenever the Java encoder takes a text, its ids
         * equal the native ones.
         *
         * @return whether the Java encoder encoded the text
         */
        boolean checkWhenTaken(String text) {
            long[] ids = encoder.encode(text, encoder.scratch());
            if (ids == null) {
                return false;
            }
            assertArrayEquals(reference.encode(text, false, false).getIds(), ids, () -> show(text));
            return true;
        }
    }

    @BeforeContainer
    static void load() throws IOException {
        dir = Files.createTempDirectory("scale4j-ascii-wordpiece");
        built = Checked.of(TokenizerFiles.built(dir, 120));
        cased = Checked.of(TokenizerFiles.cased(dir));
        raw = Checked.of(TokenizerFiles.raw(dir));
        flagged = Checked.of(TokenizerFiles.addedFlags(dir));
    }

    @AfterContainer
    static void close() throws IOException {
        for (Checked c : List.of(built, cased, raw, flagged)) {
            c.reference().close();
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // Seeds pinned so that CI runs the same texts every time; bench/tokenizer/run.sh compares many more titles.
    @Property(tries = 2500, seed = "20261121")
    void builtWordPieceMatchesTheNativeLibrary(@ForAll("texts") String text) {
        built.check(text);
    }

    @Property(tries = 1500, seed = "20261121")
    void casedWordPieceMatchesTheNativeLibrary(@ForAll("texts") String text) {
        cased.check(text);
    }

    @Property(tries = 1500, seed = "20261121")
    void unnormalizedWordPieceMatchesTheNativeLibrary(@ForAll("texts") String text) {
        raw.check(text);
    }

    @Property(tries = 1500, seed = "20261121")
    void textsTakenBesideFlaggedAddedTokensMatchTheNativeLibrary(@ForAll("texts") String text) {
        flagged.checkWhenTaken(text);
    }

    /** The screen declines every spelling of the flagged tokens and still takes the texts without them. */
    @Example
    void flaggedAddedTokensGoNativeAndOtherTextsStayInJava() {
        for (String text : List.of("shoe box", "SHOE BOX", "red Shoe Box", "axyzb", "run", "RUN fast", "a\u000Bb",
                "ab")) {
            assertEquals(false, flagged.checkWhenTaken(text), () -> show(text) + " holds a flagged token");
        }
        for (String text : List.of("red shoe", "shoebox", "jumping", "xy z", "a b", "USB-C charger 65W")) {
            assertEquals(true, flagged.checkWhenTaken(text), () -> show(text) + " holds no added token");
        }
    }

    /** The titles of a fixed-seed synthetic dataset, with the vocabulary the loader builds from them. */
    @Example
    void syntheticTitlesMatchTheNativeLibrary() throws IOException {
        Path data = dir.resolve("synthetic");
        SyntheticGenerator.generate(SyntheticPreset.tiny().withRows(300), data, 11, m -> { });
        List<String> titles = titles(data.resolve("train/part-00000.arrow"));
        assertTrue(titles.size() > 100, "titles: " + titles.size());
        VocabularyBuilder b = new VocabularyBuilder();
        titles.forEach(b::add);
        for (int size : new int[] {30000, 200}) { // every word whole; most words in pieces
            Path file = dir.resolve("titles-" + size + ".json");
            VocabularyBuilder.write(VocabularyBuilder.tokenizerJson(b.vocabulary("wordpiece", size, 1), "wordpiece"),
                    file);
            Checked c = Checked.of(file);
            try {
                int inJava = 0;
                for (String title : titles) {
                    inJava += c.check(title) ? 1 : 0;
                    inJava += c.check(title.toUpperCase(java.util.Locale.ROOT)) ? 1 : 0;
                }
                assertEquals(2 * titles.size(), inJava, "the synthetic titles are ASCII: all encoded in Java");
            } finally {
                c.reference().close();
            }
        }
    }

    private static List<String> titles(Path shard) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(shard), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                VarCharVector title = (VarCharVector) root.getVector("title");
                for (int i = 0; i < root.getRowCount(); i++) {
                    if (!title.isNull(i)) {
                        out.add(new String(title.get(i), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    /** ASCII texts made of the pieces that exercise each rule of the pipeline, glued or spaced. */
    @Provide
    Arbitrary<String> texts() {
        List<String> words = TokenizerFiles.words();
        Arbitrary<String> word = Arbitraries.of(words);
        Arbitrary<String> casedWord = Combinators.combine(word, Arbitraries.integers().between(0, 2)).as((w, how) ->
                how == 0 ? w.toUpperCase(java.util.Locale.ROOT) : how == 1 ? capitalise(w) : w);
        Arbitrary<String> glued = Arbitraries.oneOf(word, casedWord).list().ofMinSize(2).ofMaxSize(4)
                .map(l -> String.join("", l));
        Arbitrary<String> punctuation = Arbitraries.strings().withChars(PUNCTUATION).ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> control = Arbitraries.oneOf(Arbitraries.chars().range('\0', '\u001F').map(String::valueOf),
                Arbitraries.just("\u007F"));
        Arbitrary<String> whitespace = Arbitraries.of(" ", "  ", "\t", "\n", "\r", "\r\n", "\u000B", "\u000C",
                "\u001C", "\u001D", "\u001E", "\u001F", "\u007F", "\0");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> longWord = Combinators.combine(Arbitraries.integers().between(6, 110),
                Arbitraries.of('a', 'e', 's', 'x', 'q')).as((n, c) -> {
                    StringBuilder s = new StringBuilder();
                    while (s.length() < n) {
                        s.append(words.get(s.length() % words.size()));
                    }
                    s.setLength(n);
                    return n % 2 == 0 ? s.toString() : String.valueOf(c).repeat(n);
                });
        Arbitrary<String> special = Arbitraries.of("[MASK]", "[CLS]", "[SEP]", "[", "]", "[mask]", "[MASK", "MASK]",
                "[ MASK]", "[UNK", "##", "@@", "##s", "@@s", "Shoe Box", "shoe box", "xyz", "XYZ", "Run", "run",
                "a\u000Bb", "ab");
        Arbitrary<String> anyAscii = Arbitraries.strings().ascii().ofMaxLength(6);
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(8, word), Tuple.of(4, casedWord), Tuple.of(3, glued), Tuple.of(3, punctuation),
                Tuple.of(2, control), Tuple.of(6, whitespace), Tuple.of(2, digits), Tuple.of(2, longWord),
                Tuple.of(1, special), Tuple.of(3, anyAscii));
        return fragment.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The text with its control chars visible, for failure messages. */
    static String show(String text) {
        return '"' + text.chars().mapToObj(c -> c < 0x20 || c == 0x7F ? String.format("\\u%04X", c)
                : String.valueOf((char) c)).collect(Collectors.joining()) + '"';
    }
}
