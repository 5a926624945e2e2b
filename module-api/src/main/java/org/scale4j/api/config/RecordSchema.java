package org.scale4j.api.config;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scale4j.api.plugin.Configured;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;

/**
 * Generates a JSON Schema (draft 2020-12) for a record type, so that editors validate and
 * autocomplete recipes. Keys, types, {@link Doc descriptions}, {@link Default defaults} (or the
 * values of a record's {@code defaults()}),
 * {@link Min}/{@link Max} ranges and {@link OneOf}/enum values come from the records; a plugin
 * section becomes a {@code oneOf} over the discovered providers of its kind, each alternative
 * fixing {@code type} to the provider's name and listing its own parameters.
 *
 * <p>The schema is returned as a {@link ConfigNode} tree (JSON is a subset of it); the launcher
 * writes it out as JSON.
 */
public final class RecordSchema {

    private static final SourceLocation HERE = SourceLocation.of("(schema)");

    private final ProviderLookup lookup;

    private RecordSchema(ProviderLookup lookup) {
        this.lookup = lookup;
    }

    /** The schema of {@code root} with {@code title}, plugin sections resolved through {@code lookup}. */
    public static MapNode generate(Class<? extends Record> root, String title, ProviderLookup lookup) {
        Map<String, ConfigNode> schema = new LinkedHashMap<>();
        schema.put("$schema", text("https://json-schema.org/draft/2020-12/schema"));
        schema.put("title", text(title));
        schema.putAll(toMap(new RecordSchema(lookup).record(root)));
        return map(schema);
    }

    private MapNode record(Class<?> type) {
        RecordComponent inline = null;
        Map<String, ConfigNode> properties = new LinkedHashMap<>();
        List<ConfigNode> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Inline.class)) {
                inline = component;
                continue;
            }
            String key = KeyNames.snake(component.getName());
            properties.put(key, component(component));
            if (isRequired(component)) {
                required.add(text(key));
            }
        }
        Map<String, ConfigNode> schema = new LinkedHashMap<>();
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            schema.put("description", text(doc.value()));
        }
        if (inline == null) {
            schema.putAll(object(properties, required));
            return map(schema);
        }
        String typeKey = inline.getAnnotation(Inline.class).typeKey();
        schema.put("oneOf", alternatives(Types.pluginKind(inline.getGenericType()), typeKey, properties, required));
        return map(schema);
    }

    private ConfigNode alternatives(PluginKind kind, String typeKey, Map<String, ConfigNode> siblings,
            List<ConfigNode> siblingsRequired) {
        List<ConfigNode> alternatives = new ArrayList<>();
        for (Provider<?> provider : lookup.providers(kind)) {
            Map<String, ConfigNode> properties = new LinkedHashMap<>(siblings);
            Map<String, ConfigNode> name = new LinkedHashMap<>();
            name.put("const", text(provider.name()));
            if (!provider.description().isEmpty()) {
                name.put("description", text(provider.description()));
            }
            properties.put(typeKey, map(name));
            List<ConfigNode> required = new ArrayList<>(siblingsRequired);
            required.add(text(typeKey));
            MapNode params = record(provider.configType());
            params.get("properties").ifPresent(p -> ((MapNode) p).entries()
                    .forEach(e -> properties.put(e.key(), e.value())));
            params.get("required").ifPresent(r -> required.addAll(((ListNode) r).items()));
            alternatives.add(map(object(properties, required)));
        }
        if (alternatives.isEmpty()) {
            Map<String, ConfigNode> any = new LinkedHashMap<>();
            any.put("type", text("object"));
            any.put("required", new ListNode(List.of(text(typeKey)), HERE));
            alternatives.add(map(any));
        }
        return new ListNode(alternatives, HERE);
    }

    private ConfigNode component(RecordComponent component) {
        Map<String, ConfigNode> schema = new LinkedHashMap<>(toMap(type(component.getGenericType(), component)));
        Doc doc = component.getAnnotation(Doc.class);
        if (doc != null) {
            schema.put("description", text(doc.value()));
        }
        Default fallback = component.getAnnotation(Default.class);
        if (fallback != null) {
            schema.put("default", FlowText.parse(fallback.value(), HERE));
        } else {
            RecordDefaults.valueOf(component).filter(value -> value != null)
                    .ifPresent(value -> schema.put("default", RecordWriter.write(value)));
        }
        return map(schema);
    }

    private MapNode type(Type type, RecordComponent component) {
        Class<?> raw = Types.raw(type);
        Map<String, ConfigNode> schema = new LinkedHashMap<>();
        if (raw == Configured.class) {
            schema.put("oneOf", alternatives(Types.pluginKind(type), "type", Map.of(), List.of()));
        } else if (raw.isRecord()) {
            return record(raw);
        } else if (raw == List.class) {
            schema.put("type", text("array"));
            schema.put("items", type(Types.argument(type, 0), component));
        } else if (Map.class.isAssignableFrom(raw)) {
            schema.put("type", text("object"));
            schema.put("additionalProperties", type(Types.argument(type, 1), component));
        } else if (raw == String.class) {
            schema.put("type", text("string"));
            OneOf oneOf = component.getAnnotation(OneOf.class);
            if (oneOf != null) {
                schema.put("enum", new ListNode(List.of(oneOf.value()).stream().<ConfigNode>map(RecordSchema::text).toList(), HERE));
            }
        } else if (raw.isEnum()) {
            schema.put("type", text("string"));
            schema.put("enum", new ListNode(ScalarConversion.enumValues(raw).stream().<ConfigNode>map(RecordSchema::text).toList(), HERE));
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", text("boolean"));
        } else {
            boolean integer = raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class;
            schema.put("type", text(integer ? "integer" : "number"));
            Min min = component.getAnnotation(Min.class);
            Max max = component.getAnnotation(Max.class);
            if (min != null) {
                schema.put(min.exclusive() ? "exclusiveMinimum" : "minimum", number(min.value()));
            }
            if (max != null) {
                schema.put(max.exclusive() ? "exclusiveMaximum" : "maximum", number(max.value()));
            }
        }
        return map(schema);
    }

    private static boolean isRequired(RecordComponent component) {
        return !component.isAnnotationPresent(Default.class) && !component.isAnnotationPresent(Nullable.class)
                && !component.getType().isRecord() && !RecordDefaults.has(component);
    }

    private static Map<String, ConfigNode> object(Map<String, ConfigNode> properties, List<ConfigNode> required) {
        Map<String, ConfigNode> schema = new LinkedHashMap<>();
        schema.put("type", text("object"));
        schema.put("properties", map(properties));
        if (!required.isEmpty()) {
            schema.put("required", new ListNode(required, HERE));
        }
        schema.put("additionalProperties", new ScalarNode("false", ScalarNode.Type.BOOLEAN, HERE));
        return schema;
    }

    private static Map<String, ConfigNode> toMap(MapNode node) {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        node.entries().forEach(e -> out.put(e.key(), e.value()));
        return out;
    }

    private static MapNode map(Map<String, ConfigNode> values) {
        List<MapNode.Entry> entries = new ArrayList<>();
        values.forEach((k, v) -> entries.add(new MapNode.Entry(k, HERE, v)));
        return new MapNode(entries, HERE);
    }

    private static ScalarNode text(String value) {
        return ScalarNode.string(value, HERE);
    }

    private static ScalarNode number(double value) {
        String text = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return new ScalarNode(text, ScalarNode.Type.NUMBER, HERE);
    }
}
