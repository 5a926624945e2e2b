package org.scale4j.api.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.scale4j.api.plugin.Configured;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;

/**
 * Binds a {@link ConfigNode} tree into immutable records, reporting every problem at once.
 *
 * <p>The rules, applied recursively from the root record:
 * <ul>
 *   <li>A record is bound from a map. Its components are the keys, in lower_snake_case
 *       ({@code batchSize} is {@code batch_size}). An unknown key is an error naming its
 *       location, with the closest known key as a suggestion.</li>
 *   <li>An absent key (or an explicit null) takes the component's {@link Default}, else the
 *       component's value in the record's {@code public static T defaults()} if it declares one;
 *       else a {@link Nullable} component becomes {@code null} and a record component is bound
 *       from an empty map; anything else is a missing required value.</li>
 *   <li>Scalars are converted from their text: {@code String}, {@code int}, {@code long},
 *       {@code double}, {@code float}, {@code boolean} (and their boxes) and Java enums (written
 *       lower-kebab-case). {@link Min}, {@link Max} and {@link OneOf} are checked.</li>
 *   <li>{@code List<T>} binds from a list; {@code Map<String, T>} from a map, sorted by key so
 *       that modalities iterate in name order.</li>
 *   <li>{@link Configured Configured&lt;P&gt;} binds a plugin section {@code {type: name, ...}}:
 *       {@code name} is resolved through the {@link ProviderLookup} (an unknown name lists the
 *       discovered ones) and the other keys are bound to the provider's
 *       {@link Provider#configType() config record}. See {@link Inline} for sections that share
 *       their map with other keys.</li>
 *   <li>A record is constructed only when all its values bound; an exception from its compact
 *       constructor becomes a problem at its map, or at the named value for a
 *       {@link ConfigValueException}.</li>
 * </ul>
 * Record classes outside this module must be in a package that is {@code opens ... to
 * org.scale4j.api}.
 */
public final class RecordBinder {

    /** Marks a value that failed to bind; its problem is already recorded. */
    private static final Object INVALID = new Object();

    private final ProviderLookup lookup;
    private final List<Problem> problems = new ArrayList<>();

    private RecordBinder(ProviderLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Binds {@code node} into a {@code type} record.
     *
     * @param rootKey the recipe path of {@code node}, prefixed to every key in problems ({@code ""}
     *     for a whole recipe)
     * @throws ConfigException with every problem found
     */
    public static <T extends Record> T bind(Class<T> type, ConfigNode node, String rootKey, ProviderLookup lookup) {
        RecordBinder binder = new RecordBinder(lookup);
        Object value = binder.bindRecord(type, node, rootKey, Set.of());
        if (!binder.problems.isEmpty()) {
            throw new ConfigException(binder.problems);
        }
        return type.cast(value);
    }

    private Object bindValue(Type type, ConfigNode node, String key, RecordComponent component) {
        Class<?> raw = Types.raw(type);
        if (raw == Configured.class) {
            return bindPlugin(Types.pluginKind(type), node, key, "type", Set.of());
        }
        if (raw.isRecord()) {
            return bindRecord(raw, node, key, Set.of());
        }
        if (raw == List.class) {
            return bindList(Types.argument(type, 0), node, key, component);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return bindMap(Types.argument(type, 1), node, key, component);
        }
        return bindScalar(raw, node, key, component);
    }

    private Object bindRecord(Class<?> type, ConfigNode node, String key, Set<String> alsoAllowed) {
        if (!(node instanceof MapNode map)) {
            return problem(node.location(), key, "expected a map with keys " + Types.keysOf(type) + ", got " + node.describe());
        }
        RecordComponent[] components = type.getRecordComponents();
        RecordComponent inline = null;
        Set<String> claimed = new LinkedHashSet<>();
        for (RecordComponent component : components) {
            if (component.isAnnotationPresent(Inline.class)) {
                if (inline != null) {
                    throw new IllegalStateException(type.getName() + " has more than one @Inline component");
                }
                inline = component;
            } else {
                claimed.add(KeyNames.snake(component.getName()));
            }
        }
        if (inline == null) {
            for (MapNode.Entry entry : map.entries()) {
                if (!claimed.contains(entry.key())) {
                    Set<String> candidates = new LinkedHashSet<>(claimed);
                    candidates.addAll(alsoAllowed);
                    problem(entry.keyLocation(), join(key, entry.key()), unknownKey(entry.key(), claimed, candidates));
                }
            }
        }
        Object[] args = new Object[components.length];
        boolean valid = true;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component == inline) {
                String typeKey = component.getAnnotation(Inline.class).typeKey();
                args[i] = bindPlugin(Types.pluginKind(component.getGenericType()), map, key, typeKey, claimed);
            } else {
                args[i] = bindComponent(component, map, key);
            }
            valid &= args[i] != INVALID;
        }
        return valid ? construct(type, components, args, map, key) : INVALID;
    }

    private Object bindComponent(RecordComponent component, MapNode map, String key) {
        String name = KeyNames.snake(component.getName());
        String childKey = join(key, name);
        Optional<ConfigNode> given = map.get(name).filter(n -> !(n instanceof ScalarNode s && s.isNull()));
        if (given.isPresent()) {
            return bindValue(component.getGenericType(), given.get(), childKey, component);
        }
        Default fallback = component.getAnnotation(Default.class);
        if (fallback != null) {
            return bindValue(component.getGenericType(), FlowText.parse(fallback.value(), SourceLocation.DEFAULT),
                    childKey, component);
        }
        Optional<Record> defaults = RecordDefaults.of(component.getDeclaringRecord());
        if (defaults.isPresent()) {
            return RecordDefaults.read(defaults.get(), component);
        }
        if (component.isAnnotationPresent(Nullable.class)) {
            if (component.getType().isPrimitive()) {
                throw new IllegalStateException(component + " is primitive and cannot be @Nullable");
            }
            return null;
        }
        if (component.getType().isRecord()) {
            return bindRecord(component.getType(), MapNode.empty(map.location()), childKey, Set.of());
        }
        Doc doc = component.getAnnotation(Doc.class);
        String hint = component.getType() == Configured.class
                ? " (" + pluginChoices(Types.pluginKind(component.getGenericType())) + ")"
                : doc == null ? "" : " (" + doc.value() + ")";
        return problem(map.location(), childKey, "missing required key '" + name + "'" + hint);
    }

    private Object bindPlugin(PluginKind kind, ConfigNode node, String key, String typeKey, Set<String> siblings) {
        String label = Types.label(kind);
        if (!(node instanceof MapNode map)) {
            return problem(node.location(), key, "expected a map {" + typeKey + ": <" + label + ">, ...}, got " + node.describe());
        }
        Optional<MapNode.Entry> typeEntry = map.entry(typeKey);
        if (typeEntry.isEmpty() || typeEntry.get().value() instanceof ScalarNode s && s.isNull()) {
            return problem(map.location(), key, "missing key '" + typeKey + "': the " + label + " to use ("
                    + pluginChoices(kind) + ")");
        }
        String typeKeyPath = join(key, typeKey);
        if (!(typeEntry.get().value() instanceof ScalarNode nameNode)) {
            return problem(typeEntry.get().value().location(), typeKeyPath,
                    "expected a " + label + " name, got " + typeEntry.get().value().describe());
        }
        String name = nameNode.text();
        Optional<Provider<?>> provider = lookup.find(kind, name);
        if (provider.isEmpty()) {
            List<String> known = lookup.names(kind);
            String suggestion = KeyNames.closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
            return problem(nameNode.location(), typeKeyPath, "unknown " + label + " '" + name + "'" + suggestion
                    + (known.isEmpty() ? "; no " + label + " plugins were discovered" : "; discovered: " + known));
        }
        Set<String> notParams = new LinkedHashSet<>(siblings);
        notParams.add(typeKey);
        MapNode params = map.without(notParams::contains);
        Object config = bindRecord(provider.get().configType(), params, key, notParams);
        if (config == INVALID) {
            return INVALID;
        }
        return configured(provider.get(), (Record) config, key);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Configured<?> configured(Provider<?> provider, Record config, String key) {
        return new Configured(provider, config, key);
    }

    private Object bindList(Type itemType, ConfigNode node, String key, RecordComponent component) {
        if (!(node instanceof ListNode list)) {
            return problem(node.location(), key, "expected a list, got " + node.describe());
        }
        List<Object> items = new ArrayList<>(list.items().size());
        boolean valid = true;
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String itemKey = key + "[" + i + "]";
            Object value = item instanceof ScalarNode s && s.isNull()
                    ? problem(item.location(), itemKey, "a list item cannot be null")
                    : bindValue(itemType, item, itemKey, component);
            valid &= value != INVALID;
            items.add(value);
        }
        return valid ? List.copyOf(items) : INVALID;
    }

    private Object bindMap(Type valueType, ConfigNode node, String key, RecordComponent component) {
        if (!(node instanceof MapNode map)) {
            return problem(node.location(), key, "expected a map, got " + node.describe());
        }
        TreeMap<String, Object> values = new TreeMap<>();
        boolean valid = true;
        for (MapNode.Entry entry : map.entries()) {
            String entryKey = join(key, entry.key());
            Object value = entry.value() instanceof ScalarNode s && s.isNull()
                    ? problem(entry.value().location(), entryKey, "a value is required, got null")
                    : bindValue(valueType, entry.value(), entryKey, component);
            valid &= value != INVALID;
            values.put(entry.key(), value);
        }
        return valid ? Collections.unmodifiableSortedMap(values) : INVALID;
    }

    private Object bindScalar(Class<?> type, ConfigNode node, String key, RecordComponent component) {
        String expected = ScalarConversion.describe(type, component);
        if (!(node instanceof ScalarNode scalar)) {
            return problem(node.location(), key, "expected " + expected + ", got " + node.describe());
        }
        ScalarConversion.Result result = ScalarConversion.convert(type, scalar, component);
        if (result.error() != null) {
            return problem(scalar.location(), key, result.error());
        }
        return result.value();
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] args, MapNode map, String key) {
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        } catch (InaccessibleObjectException e) {
            return problem(map.location(), key, "cannot construct config record " + type.getName() + ": module "
                    + type.getModule().getName() + " must declare 'opens " + type.getPackageName()
                    + " to org.scale4j.api;' in its module-info");
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigValueException invalid) {
                return problem(Types.locate(map, invalid.key()), join(key, invalid.key()), invalid.reason());
            }
            if (cause instanceof RuntimeException) {
                String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                return problem(map.location(), key, message);
            }
            throw new IllegalStateException("constructing " + type.getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("constructing " + type.getName() + " failed", e);
        }
    }

    private String pluginChoices(PluginKind kind) {
        List<String> known = lookup.names(kind);
        return known.isEmpty() ? "no " + Types.label(kind) + " plugins were discovered" : "one of " + known;
    }

    private static String unknownKey(String key, Set<String> allowed, Set<String> candidates) {
        String suggestion = KeyNames.closest(key, candidates).map(s -> "did you mean '" + s + "'? ").orElse("");
        return "unknown key '" + key + "'; " + suggestion + "allowed here: " + allowed;
    }

    private Object problem(SourceLocation location, String key, String message) {
        problems.add(new Problem(location, key, message));
        return INVALID;
    }

    static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
