package org.scale4j.launcher.recipe;

import java.util.regex.Pattern;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a {@link ConfigNode} tree as block-style YAML that {@link YamlTreeReader} reads back to
 * the same values: maps as indented blocks, lists of scalars in flow style ({@code [1, 5, 10]}),
 * lists of maps as {@code - } items, strings quoted only when YAML would read them as something
 * else.
 */
public final class YamlTreeWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_ ./+-]*");
    private static final Resolver RESOLVER = new Resolver();
    private static final String INDENT = "  ";

    private YamlTreeWriter() {
    }

    /** The YAML text of {@code root} (a map), preceded by {@code header} comment lines if not empty. */
    public static String write(MapNode root, String header) {
        StringBuilder out = new StringBuilder();
        if (header != null && !header.isEmpty()) {
            for (String line : header.split("\n")) {
                out.append("# ").append(line).append('\n');
            }
        }
        writeMapBody(root, "", out, false);
        return out.toString();
    }

    /**
     * Writes the entries of {@code map} at {@code indent}; when {@code continuesLine} the first
     * entry follows a list item's {@code "- "} on the current line.
     */
    private static void writeMapBody(MapNode map, String indent, StringBuilder out, boolean continuesLine) {
        boolean first = true;
        for (MapNode.Entry entry : map.entries()) {
            if (!(first && continuesLine)) {
                out.append(indent);
            }
            first = false;
            out.append(scalarText(entry.key())).append(':');
            writeValue(entry.value(), indent + INDENT, out);
        }
    }

    private static void writeValue(ConfigNode value, String childIndent, StringBuilder out) {
        if (value instanceof MapNode map) {
            if (map.entries().isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                writeMapBody(map, childIndent, out, false);
            }
        } else if (value instanceof ListNode list) {
            if (list.items().isEmpty()) {
                out.append(" []\n");
            } else if (list.items().stream().allMatch(ScalarNode.class::isInstance)) {
                out.append(" [");
                for (int i = 0; i < list.items().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(scalar((ScalarNode) list.items().get(i)));
                }
                out.append("]\n");
            } else {
                out.append('\n');
                for (ConfigNode item : list.items()) {
                    writeItem(item, childIndent, out);
                }
            }
        } else {
            out.append(' ').append(scalar((ScalarNode) value)).append('\n');
        }
    }

    private static void writeItem(ConfigNode item, String indent, StringBuilder out) {
        out.append(indent).append("- ");
        if (item instanceof MapNode map && !map.entries().isEmpty()) {
            writeMapBody(map, indent + INDENT, out, true);
        } else if (item instanceof MapNode) {
            out.append("{}\n");
        } else if (item instanceof ListNode) {
            throw new IllegalArgumentException("lists of lists are not used in recipes");
        } else {
            out.append(scalar((ScalarNode) item)).append('\n');
        }
    }

    private static String scalar(ScalarNode scalar) {
        return switch (scalar.type()) {
            case NULL -> "null";
            case BOOLEAN, NUMBER -> scalar.text();
            case STRING -> scalarText(scalar.text());
        };
    }

    /** A string as a plain scalar when YAML reads it back as the same string, else single-quoted. */
    static String scalarText(String text) {
        boolean plain = PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.contains(" #")
                && RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
        if (plain) {
            return text;
        }
        if (text.chars().anyMatch(c -> c < 0x20)) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\t' -> quoted.append("\\t");
                    default -> quoted.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
                }
            }
            return quoted.append('"').toString();
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
