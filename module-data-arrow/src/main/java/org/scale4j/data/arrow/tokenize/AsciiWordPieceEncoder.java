package org.scale4j.data.arrow.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BERT WordPiece tokenization of ASCII text in Java, giving exactly the ids of the native
 * HuggingFace tokenizers library (0.21, which DJL 0.35.1 bundles) without its cost: the native
 * call builds a full encoding with alignment tracking and looks every char up in Unicode tables.
 *
 * <p>Applies to a {@code tokenizer.json} whose model is {@code WordPiece}, whose normalizer is
 * {@code BertNormalizer} or absent, whose pre-tokenizer is {@code BertPreTokenizer} and whose
 * post-processor (which adds nothing when special tokens are off) is absent, {@code BertProcessing},
 * {@code RobertaProcessing} or {@code TemplateProcessing}; see {@link #forTokenizer}. Per text it
 * declines ({@link #encode} returns null) unless the text is pure ASCII and holds none of the
 * tokenizer's added tokens ({@link AddedTokenScreen}).
 *
 * <p>The pipeline on ASCII, step by step as HuggingFace runs it:
 * <ol>
 *   <li>{@code clean_text}: drop every control char (Unicode Cc: 0x00-0x1F and 0x7F) except
 *       {@code \t \n \r}, then turn {@code \t \n \r} into a space. Drop first, map second: 0x0B and
 *       0x0C are whitespace to Rust but control chars to BERT, so they vanish instead of splitting
 *       words. Without {@code clean_text} every control char stays, and 0x1C-0x1F stay inside words:
 *       they are not whitespace to Rust (unlike to Java's {@code Character.isWhitespace}).</li>
 *   <li>{@code lowercase}: A-Z to a-z. {@code strip_accents} (NFD, drop nonspacing marks) and
 *       {@code handle_chinese_chars} leave ASCII as it is.</li>
 *   <li>{@code BertPreTokenizer}: split on Rust whitespace (0x09-0x0D, space; removed), then isolate
 *       every ASCII punctuation char ({@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}) as its own word.</li>
 *   <li>{@code WordPiece}, per word: longer than {@code max_input_chars_per_word} chars gives
 *       {@code unk_token}; otherwise repeatedly the longest vocabulary piece at the current position
 *       (after the first piece, looked up with {@code continuing_subword_prefix} in front); a
 *       position where no piece matches turns the whole word into {@code unk_token}.</li>
 * </ol>
 * Thread-safe: all state is read-only; callers pass their own {@link Scratch}.
 */
final class AsciiWordPieceEncoder {

    private static final char DROP = 0xFFFF;
    private static final byte WORD = 0;
    private static final byte SPACE = 1;
    private static final byte PUNCTUATION = 2;
    /** Each ASCII char's role in {@code BertPreTokenizer}. */
    private static final byte[] ROLE = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean rustWhitespace = (c >= 0x09 && c <= 0x0D) || c == ' ';
            boolean punctuation = (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
                    || (c >= '{' && c <= '~');
            ROLE[c] = rustWhitespace ? SPACE : punctuation ? PUNCTUATION : WORD;
        }
    }

    private static final Set<String> POST_PROCESSORS = Set.of("BertProcessing", "RobertaProcessing",
            "TemplateProcessing");

    /** Each ASCII char after the normalizer, {@link #DROP} when removed. */
    private final char[] normalized;
    private final AddedTokenScreen addedTokens;
    /** Every vocabulary piece: the first piece of a word. */
    private final PieceTable wordStarts;
    /** The pieces that start with the continuing prefix, without it: the later pieces of a word. */
    private final PieceTable continuations;
    private final long unkId;
    private final int maxInputChars;

    private AsciiWordPieceEncoder(char[] normalized, AddedTokenScreen addedTokens, PieceTable wordStarts,
            PieceTable continuations, long unkId, int maxInputChars) {
        this.normalized = normalized;
        this.addedTokens = addedTokens;
        this.wordStarts = wordStarts;
        this.continuations = continuations;
        this.unkId = unkId;
        this.maxInputChars = maxInputChars;
    }

    /**
     * The encoder of a parsed {@code tokenizer.json}, or empty when its pipeline is not the one
     * reproduced here (other models, normalizers, pre-tokenizers or post-processors; an [UNK]
     * missing from the vocabulary; a normalized added token with a non-ASCII content, whose
     * normalized form only the native library knows; an added token whose content or normalized
     * content is empty).
     */
    static Optional<AsciiWordPieceEncoder> forTokenizer(JsonNode json) {
        JsonNode model = json.path("model");
        if (!model.path("type").asText().equals("WordPiece") || !model.path("vocab").isObject()) {
            return Optional.empty();
        }
        JsonNode normalizer = json.path("normalizer");
        boolean cleanText;
        boolean lowercase;
        if (normalizer.isMissingNode() || normalizer.isNull()) {
            cleanText = false;
            lowercase = false;
        } else if (normalizer.path("type").asText().equals("BertNormalizer")
                && normalizer.path("clean_text").isBoolean() && normalizer.path("lowercase").isBoolean()
                && booleanOrAbsent(normalizer.path("strip_accents"))
                && booleanOrAbsent(normalizer.path("handle_chinese_chars"))) {
            // strip_accents (null: follows lowercase) and handle_chinese_chars are only checked: stripping
            // accents (NFD, drop nonspacing marks) and spacing out CJK ideographs leave ASCII unchanged.
            cleanText = normalizer.path("clean_text").booleanValue();
            lowercase = normalizer.path("lowercase").booleanValue();
        } else {
            return Optional.empty();
        }
        if (!json.path("pre_tokenizer").path("type").asText().equals("BertPreTokenizer")) {
            return Optional.empty();
        }
        JsonNode post = json.path("post_processor");
        if (!post.isMissingNode() && !post.isNull() && !POST_PROCESSORS.contains(post.path("type").asText())) {
            return Optional.empty();
        }
        char[] table = normalizerTable(cleanText, lowercase);
        Optional<AddedTokenScreen> screen = screen(json.path("added_tokens"), table);
        if (screen.isEmpty()) {
            return Optional.empty();
        }
        String unk = text(model, "unk_token", "[UNK]");
        String prefix = text(model, "continuing_subword_prefix", "##");
        JsonNode max = model.path("max_input_chars_per_word");
        int maxInputChars = max.isMissingNode() || max.isNull() ? 100 : max.isInt() ? max.intValue() : -1;
        if (maxInputChars < 0) {
            return Optional.empty();
        }
        Map<String, Integer> starts = new HashMap<>();
        Map<String, Integer> continued = new HashMap<>();
        Integer unkId = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String piece = e.getKey();
            if (!e.getValue().canConvertToInt() || e.getValue().intValue() < 0) {
                return Optional.empty();
            }
            int id = e.getValue().intValue();
            if (piece.equals(unk)) {
                unkId = id;
            }
            // Pieces a normalized ASCII word can spell; the others can never match here.
            if (!piece.isEmpty() && AddedTokenScreen.isAscii(piece)) {
                starts.put(piece, id);
            }
            if (piece.length() > prefix.length() && piece.startsWith(prefix)
                    && AddedTokenScreen.isAscii(piece.substring(prefix.length()))) {
                continued.put(piece.substring(prefix.length()), id);
            }
        }
        if (unkId == null) {
            return Optional.empty(); // the native library fails such a word; keep its behaviour
        }
        return Optional.of(new AsciiWordPieceEncoder(table, screen.get(), new PieceTable(starts),
                new PieceTable(continued), unkId, maxInputChars));
    }

    private static boolean booleanOrAbsent(JsonNode v) {
        return v.isMissingNode() || v.isNull() || v.isBoolean();
    }

    private static String text(JsonNode node, String field, String absent) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? absent : v.asText();
    }

    /** What BertNormalizer (or no normalizer) makes of each ASCII char. */
    private static char[] normalizerTable(boolean cleanText, boolean lowercase) {
        char[] table = new char[128];
        for (char c = 0; c < 128; c++) {
            char out = c;
            if (cleanText) {
                boolean whitespace = c == '\t' || c == '\n' || c == '\r';
                boolean control = (c < 0x20 || c == 0x7F) && !whitespace; // Unicode Cc, '\0' included
                if (control) {
                    out = DROP;
                } else if (whitespace) {
                    out = ' ';
                }
            }
            if (lowercase && out >= 'A' && out <= 'Z') {
                out = (char) (out + ('a' - 'A'));
            }
            table[c] = out;
        }
        return table;
    }

    private static Optional<AddedTokenScreen> screen(JsonNode added, char[] table) {
        List<String> raw = new ArrayList<>();
        List<char[]> normalizedContents = new ArrayList<>();
        for (JsonNode token : added) {
            String content = token.path("content").asText();
            JsonNode flag = token.path("normalized");
            boolean matchedRaw = !flag.isBoolean() || !flag.booleanValue(); // unknown: screen both ways
            boolean matchedNormalized = !flag.isBoolean() || flag.booleanValue();
            if (content.isEmpty()) {
                return Optional.empty();
            }
            if (matchedRaw) {
                raw.add(content);
            }
            if (matchedNormalized) {
                if (!AddedTokenScreen.isAscii(content)) {
                    return Optional.empty();
                }
                char[] norm = new char[content.length()];
                int n = 0;
                for (int i = 0; i < content.length(); i++) {
                    char c = table[content.charAt(i)];
                    if (c != DROP) {
                        norm[n++] = c;
                    }
                }
                if (n == 0) {
                    return Optional.empty();
                }
                normalizedContents.add(Arrays.copyOf(norm, n));
            }
        }
        return Optional.of(new AddedTokenScreen(raw, normalizedContents));
    }

    /** Buffers reused across the texts of one call; not shared between threads. */
    static final class Scratch {
        private char[] chars = new char[64];
        private long[] ids = new long[64];
        private final int[] hashes;

        private Scratch(int longestPiece) {
            hashes = new int[longestPiece];
        }

        private void fit(int length) {
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
                ids = new long[chars.length];
            }
        }
    }

    /** Fresh buffers for one caller. */
    Scratch scratch() {
        return new Scratch(Math.max(wordStarts.longestKey(), continuations.longestKey()));
    }

    /**
     * The ids of {@code text}, without special tokens, or null when the native library must encode
     * it (a non-ASCII char, or an added token's content in it).
     */
    long[] encode(String text, Scratch scratch) {
        int n = text.length();
        scratch.fit(n);
        char[] norm = scratch.chars;
        int length = 0;
        boolean mayHoldAddedToken = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            mayHoldAddedToken |= addedTokens.startsRaw(c);
            char m = normalized[c];
            if (m != DROP) {
                norm[length++] = m;
            }
        }
        if ((mayHoldAddedToken && addedTokens.inRaw(text)) || addedTokens.inNormalized(norm, length)) {
            return null;
        }
        long[] ids = scratch.ids;
        int count = 0;
        int wordStart = -1;
        for (int i = 0; i < length; i++) {
            byte role = ROLE[norm[i]];
            if (role == WORD) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                continue;
            }
            if (wordStart >= 0) {
                count = word(norm, wordStart, i, ids, count, scratch.hashes);
                wordStart = -1;
            }
            if (role == PUNCTUATION) {
                count = word(norm, i, i + 1, ids, count, scratch.hashes);
            }
        }
        if (wordStart >= 0) {
            count = word(norm, wordStart, length, ids, count, scratch.hashes);
        }
        return Arrays.copyOf(ids, count);
    }

    /**
     * Appends the ids of the word {@code chars[from, to)} to {@code ids} at {@code count}; returns
     * the new count. Every piece covers at least one char, so a text never has more ids than chars.
     */
    private int word(char[] chars, int from, int to, long[] ids, int count, int[] hashes) {
        if (to - from > maxInputChars) {
            ids[count] = unkId;
            return count + 1;
        }
        int first = count;
        int start = from;
        while (start < to) {
            PieceTable pieces = start == from ? wordStarts : continuations;
            int longest = Math.min(to - start, pieces.longestKey());
            int hash = 0;
            for (int k = 0; k < longest; k++) {
                hash = PieceTable.step(hash, chars[start + k]);
                hashes[k] = hash;
            }
            int id = -1;
            int length = longest;
            for (; length > 0; length--) {
                id = pieces.find(chars, start, length, hashes[length - 1]);
                if (id >= 0) {
                    break;
                }
            }
            if (id < 0) {
                ids[first] = unkId;
                return first + 1;
            }
            ids[count++] = id;
            start += length;
        }
        return count;
    }
}
