package org.scale4j.api.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scale4j.api.plugin.PluginKind;

/** Reflection helpers shared by the binder, the writer and the schema generator. */
final class Types {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private Types() {
    }

    /** The class of a possibly parameterized type. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalStateException("unsupported recipe type " + type);
    }

    /** The {@code index}-th type argument of a parameterized {@code type}. */
    static Type argument(Type type, int index) {
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalStateException("recipe type " + type + " needs type arguments");
        }
        Type argument = p.getActualTypeArguments()[index];
        return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
    }

    /** The plugin kind of a {@code Configured<P>} type, from {@code P}'s service interface. */
    static PluginKind pluginKind(Type configuredType) {
        Class<?> service = raw(argument(configuredType, 0));
        for (PluginKind kind : PluginKind.values()) {
            if (kind.service() == service) {
                return kind;
            }
        }
        throw new IllegalStateException(configuredType + " does not name a plugin service interface");
    }

    /** How a kind is called in messages: {@code encoder}, {@code modality kind}. */
    static String label(PluginKind kind) {
        return kind.displayName().replace('-', ' ');
    }

    /** The recipe keys of a record type. */
    static List<String> keysOf(Class<?> recordType) {
        return Arrays.stream(recordType.getRecordComponents())
                .filter(c -> !c.isAnnotationPresent(Inline.class))
                .map(RecordComponent::getName)
                .map(KeyNames::snake)
                .toList();
    }

    /**
     * The location of a relative key such as {@code optimizer.lr} or {@code betas[1]} under
     * {@code node}: the deepest node of the path that exists (a default value is not in the tree,
     * so its key points at the enclosing map).
     */
    static SourceLocation locate(ConfigNode node, String relativeKey) {
        ConfigNode current = node;
        for (String part : relativeKey.split("\\.")) {
            Matcher segment = SEGMENT.matcher(part);
            if (!segment.matches() || !(current instanceof MapNode map)) {
                return current.location();
            }
            var entry = map.entry(segment.group(1));
            if (entry.isEmpty()) {
                return current.location();
            }
            current = entry.get().value();
            Matcher index = INDEX.matcher(segment.group(2));
            while (index.find()) {
                int i = Integer.parseInt(index.group(1));
                if (!(current instanceof ListNode list) || i >= list.items().size()) {
                    return current.location();
                }
                current = list.items().get(i);
            }
        }
        return current.location();
    }
}
