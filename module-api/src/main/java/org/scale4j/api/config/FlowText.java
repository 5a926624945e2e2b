package org.scale4j.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tiny parser for the YAML flow text of {@link Default} annotations: plain or quoted scalars,
 * {@code [a, b]} lists and {@code {k: v}} maps, nested. It exists so that the api needs no YAML
 * library; recipe files themselves are parsed by the launcher.
 */
final class FlowText {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d[\\d_]*");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final String text;
    private final SourceLocation location;
    private int pos;

    private FlowText(String text, SourceLocation location) {
        this.text = text;
        this.location = location;
    }

    /** Parses {@code text}; every node gets {@code location}. */
    static ConfigNode parse(String text, SourceLocation location) {
        FlowText parser = new FlowText(text, location);
        ConfigNode node = parser.value();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text");
        }
        return node;
    }

    /** The scalar type a plain (unquoted) scalar resolves to, as YAML core schema would. */
    static ScalarNode plainScalar(String raw, SourceLocation location) {
        String text = raw.strip();
        if (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null")) {
            return new ScalarNode(null, ScalarNode.Type.NULL, location);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return new ScalarNode(text, ScalarNode.Type.BOOLEAN, location);
        }
        if (isNumber(text)) {
            return new ScalarNode(text, ScalarNode.Type.NUMBER, location);
        }
        return ScalarNode.string(text, location);
    }

    /** Whether {@code text} is an integer or decimal number as recipes write them. */
    static boolean isNumber(String text) {
        return INTEGER.matcher(text).matches() || DECIMAL.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
    }

    private ConfigNode value() {
        skipSpaces();
        if (pos >= text.length()) {
            return new ScalarNode(null, ScalarNode.Type.NULL, location);
        }
        char c = text.charAt(pos);
        if (c == '[') {
            pos++;
            List<ConfigNode> items = new ArrayList<>();
            skipSpaces();
            if (peek(']')) {
                pos++;
                return new ListNode(items, location);
            }
            while (true) {
                items.add(value());
                skipSpaces();
                if (peek(',')) {
                    pos++;
                } else if (peek(']')) {
                    pos++;
                    return new ListNode(items, location);
                } else {
                    throw error("expected ',' or ']'");
                }
            }
        }
        if (c == '{') {
            pos++;
            List<MapNode.Entry> entries = new ArrayList<>();
            skipSpaces();
            if (peek('}')) {
                pos++;
                return new MapNode(entries, location);
            }
            while (true) {
                skipSpaces();
                String key = scalarText(":");
                if (!peek(':')) {
                    throw error("expected ':'");
                }
                pos++;
                entries.add(new MapNode.Entry(key.strip(), location, value()));
                skipSpaces();
                if (peek(',')) {
                    pos++;
                } else if (peek('}')) {
                    pos++;
                    return new MapNode(entries, location);
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }
        if (c == '\'' || c == '"') {
            return ScalarNode.string(quoted(c), location);
        }
        return plainScalar(scalarText(",]}"), location);
    }

    private String quoted(char quote) {
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated quote");
        }
        String value = text.substring(pos + 1, end);
        pos = end + 1;
        return value;
    }

    private String scalarText(String stops) {
        int start = pos;
        while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bad @Default text '" + text + "' at " + pos + ": " + what);
    }
}
