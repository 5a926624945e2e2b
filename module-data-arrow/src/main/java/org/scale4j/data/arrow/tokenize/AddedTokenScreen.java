package org.scale4j.data.arrow.tokenize;

import java.util.List;

/**
 * Tells whether an ASCII text may contain one of the tokenizer's added tokens ({@code [MASK]},
 * {@code [CLS]}, user-added words), in which case the native library must encode it: HuggingFace
 * splits added tokens out of the text before the normalizer runs ({@code normalized: false},
 * matched in the raw text) or after it ({@code normalized: true}, the token's normalized content
 * matched in the normalized text), and the Java encoder does neither.
 *
 * <p>Conservative by construction: a text is sent to the native library whenever a token's content
 * occurs in it as a substring, whether or not HuggingFace would split it there
 * ({@code single_word}, {@code lstrip}, {@code rstrip} only ever narrow the matches). A content
 * with a non-ASCII character cannot occur in ASCII text and is left out. Most texts are cleared by
 * one table lookup per char: only a text holding a char that starts some content is searched.
 */
final class AddedTokenScreen {

    private final String[] raw;
    private final char[][] normalized;
    private final boolean[] startsRaw = new boolean[128];
    private final boolean[] startsNormalized = new boolean[128];

    /**
     * @param raw contents matched in the raw text (ASCII or not), none empty
     * @param normalized normalized contents matched in the normalized text, all ASCII, none empty
     */
    AddedTokenScreen(List<String> raw, List<char[]> normalized) {
        this.raw = raw.stream().filter(AddedTokenScreen::isAscii).toArray(String[]::new);
        this.normalized = normalized.toArray(new char[0][]);
        for (String content : this.raw) {
            startsRaw[content.charAt(0)] = true;
        }
        for (char[] content : this.normalized) {
            startsNormalized[content[0]] = true;
        }
    }

    /** Whether the ASCII char {@code c} starts some raw content. */
    boolean startsRaw(char c) {
        return startsRaw[c];
    }

    /** Whether some raw content occurs in {@code text}. */
    boolean inRaw(String text) {
        for (String content : raw) {
            if (text.contains(content)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some normalized content occurs in {@code text[0, length)} (ASCII chars). */
    boolean inNormalized(char[] text, int length) {
        if (normalized.length == 0) {
            return false;
        }
        for (int at = 0; at < length; at++) {
            if (startsNormalized[text[at]]) {
                for (char[] content : normalized) {
                    if (occursAt(text, length, at, content)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean occursAt(char[] text, int length, int at, char[] content) {
        if (at + content.length > length) {
            return false;
        }
        for (int k = 0; k < content.length; k++) {
            if (text[at + k] != content[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
