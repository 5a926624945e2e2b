package org.scale4j.launcher.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;

/**
 * Merges a recipe over the one it includes (and {@code --set} overrides over the result).
 *
 * <p>The rules, documented for users in {@code docs/recipes.md}:
 * <ol>
 *   <li>Maps merge key by key, recursively; the later value wins.</li>
 *   <li>Lists and scalars are replaced wholesale by the later value.</li>
 *   <li>A key written with a {@code +} suffix ({@code objectives+:}) appends its list to the
 *       inherited list instead of replacing it.</li>
 *   <li>A plugin section that names a different plugin ({@code type:} or {@code kind:} differs)
 *       replaces the inherited section instead of merging into it, so the old plugin's
 *       parameters do not leak into the new one.</li>
 * </ol>
 */
public final class TreeMerge {

    /** The keys that name a plugin in a section. */
    static final Set<String> PLUGIN_KEYS = Set.of("type", "kind");

    private TreeMerge() {
    }

    /** {@code override} merged over {@code base}; {@code base} may be null (nothing inherited). */
    public static ConfigNode merge(ConfigNode base, ConfigNode override) {
        return merge(base, override, "");
    }

    private static ConfigNode merge(ConfigNode base, ConfigNode override, String path) {
        if (base instanceof MapNode baseMap && override instanceof MapNode overrideMap && !namesOtherPlugin(baseMap, overrideMap)) {
            MapNode merged = baseMap;
            for (MapNode.Entry entry : overrideMap.entries()) {
                merged = mergeEntry(merged, entry, path);
            }
            return merged;
        }
        return resolveAppends(override, path);
    }

    private static MapNode mergeEntry(MapNode target, MapNode.Entry entry, String path) {
        String key = entry.key();
        if (key.endsWith("+")) {
            String listKey = key.substring(0, key.length() - 1);
            String listPath = join(path, listKey);
            if (!(entry.value() instanceof ListNode appended)) {
                throw new ConfigException(entry.value().location(), listPath,
                        "'" + key + "' appends a list to the inherited '" + listKey + "', so its value must be a list, got "
                                + entry.value().describe());
            }
            Optional<ConfigNode> inherited = target.get(listKey);
            if (inherited.isEmpty() || inherited.get() instanceof ScalarNode s && s.isNull()) {
                return target.with(listKey, entry.keyLocation(), resolveAppends(appended, listPath));
            }
            if (!(inherited.get() instanceof ListNode inheritedList)) {
                throw new ConfigException(entry.keyLocation(), listPath, "'" + key + "' appends to a list, but the inherited '"
                        + listKey + "' (" + inherited.get().location() + ") is " + inherited.get().describe());
            }
            List<ConfigNode> items = new ArrayList<>(inheritedList.items());
            items.addAll(((ListNode) resolveAppends(appended, listPath)).items());
            return target.with(listKey, target.entry(listKey).get().keyLocation(), new ListNode(items, inheritedList.location()));
        }
        Optional<MapNode.Entry> inherited = target.entry(key);
        ConfigNode merged = merge(inherited.map(MapNode.Entry::value).orElse(null), entry.value(), join(path, key));
        return target.with(key, inherited.map(MapNode.Entry::keyLocation).orElse(entry.keyLocation()), merged);
    }

    /** Whether both maps name a plugin and the names differ. */
    private static boolean namesOtherPlugin(MapNode base, MapNode override) {
        for (String key : PLUGIN_KEYS) {
            Optional<ConfigNode> before = base.get(key);
            Optional<ConfigNode> after = override.get(key);
            if (before.isPresent() && after.isPresent() && before.get() instanceof ScalarNode b
                    && after.get() instanceof ScalarNode a && !java.util.Objects.equals(a.text(), b.text())) {
                return true;
            }
        }
        return false;
    }

    /** A tree with every {@code key+} turned into {@code key} (nothing is inherited to append to). */
    private static ConfigNode resolveAppends(ConfigNode node, String path) {
        if (node instanceof MapNode map) {
            MapNode resolved = MapNode.empty(map.location());
            for (MapNode.Entry entry : map.entries()) {
                resolved = mergeEntry(resolved, entry, path);
            }
            return resolved;
        }
        if (node instanceof ListNode list) {
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                items.add(resolveAppends(list.items().get(i), path + "[" + i + "]"));
            }
            return new ListNode(items, list.location());
        }
        return node;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
