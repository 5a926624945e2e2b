package org.scale4j.data.arrow.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a {@code tokenizer.json} from raw text so that data without an external tokenizer can
 * train: BERT normalization (lower case, accents stripped) and pre-tokenization (split on
 * whitespace and punctuation, CJK characters alone), then either
 * <ul>
 *   <li>{@code wordlevel}: the most frequent words, anything else [UNK]; or</li>
 *   <li>{@code wordpiece}: every character seen (as a word start and as a {@code ##} continuation)
 *       plus the most frequent whole words, so an unseen word splits into known pieces rather than
 *       becoming [UNK].</li>
 * </ul>
 * Ids: [PAD]=0, [CLS]=1, [SEP]=2, [MASK]=3, [UNK]=4, then the pieces. Frequency ties break by the
 * word, so the same text gives the same file byte for byte.
 */
public final class VocabularyBuilder {

    private final Map<String, Counter> counts = new HashMap<>();

    /** Counts the words of one text. */
    public void add(String text) {
        if (text != null) {
            for (String word : words(text)) {
                Counter c = counts.get(word);
                if (c == null) {
                    counts.put(word, new Counter());
                } else {
                    c.count++; // no boxed Long per word: a build visits every text of the split
                }
            }
        }
    }

    /** A mutable count. */
    private static final class Counter {
        long count = 1;
    }

    /**
     * The vocabulary, specials first.
     *
     * @param model {@code wordpiece} or {@code wordlevel}
     * @param maxSize the largest vocabulary, specials and characters included
     * @param minFreq the least count of a whole word to be kept
     */
    public List<String> vocabulary(String model, int maxSize, int minFreq) {
        List<String> vocab = new ArrayList<>(TokenizerHandle.SPECIALS);
        java.util.Set<String> seen = new java.util.HashSet<>(vocab);
        if (model.equals("wordpiece")) {
            TreeSet<String> chars = new TreeSet<>();
            for (String word : counts.keySet()) {
                word.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            }
            for (String c : chars) {
                if (seen.add(c)) {
                    vocab.add(c);
                }
            }
            for (String c : chars) {
                if (seen.add("##" + c)) {
                    vocab.add("##" + c);
                }
            }
        }
        List<Map.Entry<String, Long>> byFreq = new ArrayList<>(counts.size());
        counts.forEach((word, c) -> byFreq.add(Map.entry(word, c.count)));
        byFreq.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Long> e : byFreq) {
            if (vocab.size() >= maxSize || e.getValue() < minFreq) {
                break;
            }
            if (seen.add(e.getKey())) {
                vocab.add(e.getKey());
            }
        }
        return vocab;
    }

    /** The {@code tokenizer.json} document for a vocabulary. */
    public static Map<String, Object> tokenizerJson(List<String> vocab, String model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("truncation", null);
        json.put("padding", null);
        List<Map<String, Object>> added = new ArrayList<>();
        for (int i = 0; i < TokenizerHandle.SPECIALS.size(); i++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", i);
            t.put("content", TokenizerHandle.SPECIALS.get(i));
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
            added.add(t);
        }
        json.put("added_tokens", added);
        Map<String, Object> normalizer = new LinkedHashMap<>();
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", true);
        normalizer.put("handle_chinese_chars", true);
        normalizer.put("strip_accents", null);
        normalizer.put("lowercase", true);
        json.put("normalizer", normalizer);
        json.put("pre_tokenizer", Map.of("type", "BertPreTokenizer"));
        json.put("post_processor", null);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            ids.put(vocab.get(i), i);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.equals("wordpiece")) {
            Map<String, Object> decoder = new LinkedHashMap<>();
            decoder.put("type", "WordPiece");
            decoder.put("prefix", "##");
            decoder.put("cleanup", true);
            json.put("decoder", decoder);
            m.put("type", "WordPiece");
            m.put("unk_token", "[UNK]");
            m.put("continuing_subword_prefix", "##");
            m.put("max_input_chars_per_word", 100);
            m.put("vocab", ids);
        } else {
            json.put("decoder", null);
            m.put("type", "WordLevel");
            m.put("vocab", ids);
            m.put("unk_token", "[UNK]");
        }
        json.put("model", m);
        return json;
    }

    /** Writes {@code json} to {@code target} atomically (temp file, fsync, rename). */
    public static void write(Map<String, Object> json, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json);
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tokenizer", ".tmp");
        try {
            Files.write(tmp, bytes);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Combining marks, removed after NFD (accents). Compiled once: a vocabulary build visits every text of the split. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{Mn}+");

    /** BERT-style normalization and pre-tokenization (close to HF's BertNormalizer + BertPreTokenizer). */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!isAscii(lower)) { // ASCII is its own NFD and has no combining marks
            lower = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        }
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                flush(word, out);
            } else if (isPunctuation(cp) || isCjk(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, out);
        return out;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
