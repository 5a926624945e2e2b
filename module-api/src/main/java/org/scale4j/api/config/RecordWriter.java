package org.scale4j.api.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scale4j.api.plugin.Configured;

/**
 * Turns bound records back into a {@link ConfigNode} tree: the inverse of {@link RecordBinder}.
 *
 * <p>Every component is written, defaults included, so the tree is the fully resolved recipe;
 * binding it again gives an equal record. {@code null} ({@link Nullable}) components are left out.
 * Plugin sections are written as {@code {type: name, ...params}} ({@link Inline} ones into the
 * enclosing map). Every node gets the location {@code (resolved)}.
 */
public final class RecordWriter {

    private static final SourceLocation RESOLVED = SourceLocation.of("(resolved)");

    private RecordWriter() {
    }

    /** The tree of a record (or list, map, scalar) value. */
    public static ConfigNode write(Object value) {
        if (value instanceof Configured<?> configured) {
            return new MapNode(pluginEntries(configured, "type"), RESOLVED);
        }
        if (value instanceof Record record) {
            return new MapNode(recordEntries(record), RESOLVED);
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(write(item));
            }
            return new ListNode(items, RESOLVED);
        }
        if (value instanceof Map<?, ?> map) {
            List<MapNode.Entry> entries = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                entries.add(new MapNode.Entry(entry.getKey().toString(), RESOLVED, write(entry.getValue())));
            }
            return new MapNode(entries, RESOLVED);
        }
        return scalar(value);
    }

    private static List<MapNode.Entry> recordEntries(Record record) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(record, component);
            if (value == null) {
                continue;
            }
            Inline inline = component.getAnnotation(Inline.class);
            if (inline != null) {
                entries.addAll(pluginEntries((Configured<?>) value, inline.typeKey()));
            } else {
                entries.add(new MapNode.Entry(KeyNames.snake(component.getName()), RESOLVED, write(value)));
            }
        }
        return entries;
    }

    private static List<MapNode.Entry> pluginEntries(Configured<?> configured, String typeKey) {
        List<MapNode.Entry> entries = new ArrayList<>();
        entries.add(new MapNode.Entry(typeKey, RESOLVED, ScalarNode.string(configured.provider().name(), RESOLVED)));
        entries.addAll(recordEntries(configured.config()));
        return entries;
    }

    private static ConfigNode scalar(Object value) {
        if (value == null) {
            return new ScalarNode(null, ScalarNode.Type.NULL, RESOLVED);
        }
        if (value instanceof Boolean) {
            return new ScalarNode(value.toString(), ScalarNode.Type.BOOLEAN, RESOLVED);
        }
        if (value instanceof Number) {
            return new ScalarNode(value.toString(), ScalarNode.Type.NUMBER, RESOLVED);
        }
        if (value instanceof Enum<?> constant) {
            return ScalarNode.string(KeyNames.enumValue(constant), RESOLVED);
        }
        if (value instanceof String text) {
            return ScalarNode.string(text, RESOLVED);
        }
        throw new IllegalStateException("cannot write recipe value of type " + value.getClass().getName());
    }

    private static Object read(Record record, RecordComponent component) {
        return RecordDefaults.read(record, component);
    }
}
