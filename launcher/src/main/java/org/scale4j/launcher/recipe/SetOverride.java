package org.scale4j.launcher.recipe;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.SourceLocation;

/**
 * One command-line override {@code --set key.path=value}.
 *
 * <p>The key is a dotted path; a numeric segment indexes into a list
 * ({@code objectives.1.weight=0.5}) and a final {@code +} appends to a list
 * ({@code objectives+=[{type: mlm}]}). The value is parsed as YAML (so {@code 3e-4},
 * {@code [1, 5]} and {@code {type: uniform}} all work) and merged over the recipe by the
 * {@link TreeMerge} rules. Its location in errors is {@code --set #n}.
 *
 * @param path the key path segments
 * @param value the parsed value
 * @param location {@code --set #n}
 */
public record SetOverride(List<String> path, ConfigNode value, SourceLocation location) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+\\+?");
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /**
     * Parses the {@code ordinal}-th (1-based) {@code --set} argument.
     *
     * @throws ConfigException when the argument is not {@code key=value} or the value is not YAML
     */
    public static SetOverride parse(String argument, int ordinal) {
        SourceLocation location = SourceLocation.of("--set #" + ordinal);
        int equals = argument.indexOf('=');
        if (equals <= 0) {
            throw new ConfigException(location, "", "expected key=value (e.g. trainer.optimizer.lr=3e-4), got '" + argument + "'");
        }
        String key = argument.substring(0, equals).strip();
        List<String> path = List.of(key.split("\\.", -1));
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            if (!SEGMENT.matcher(segment).matches() || segment.endsWith("+") && i < path.size() - 1) {
                throw new ConfigException(location, key, "bad key path: use dotted names such as trainer.optimizer.lr"
                        + " (a list index is a number, a final '+' appends)");
            }
        }
        ConfigNode value = YamlTreeReader.readText(argument.substring(equals + 1), location);
        return new SetOverride(path, value, location);
    }

    /** The recipe key this override sets, e.g. {@code trainer.optimizer.lr}. */
    public String key() {
        return String.join(".", path);
    }

    /** {@code tree} with this override applied. */
    public ConfigNode applyTo(ConfigNode tree) {
        return apply(tree, 0);
    }

    private ConfigNode apply(ConfigNode node, int depth) {
        if (depth == path.size()) {
            return TreeMerge.merge(node, value);
        }
        String segment = path.get(depth);
        if (node instanceof ListNode list) {
            if (!INDEX.matcher(segment).matches()) {
                throw new ConfigException(location, key(), "'" + String.join(".", path.subList(0, depth))
                        + "' is a list; address its items by number, e.g. " + String.join(".", path.subList(0, depth)) + ".0");
            }
            int index = Integer.parseInt(segment);
            if (index >= list.items().size()) {
                throw new ConfigException(location, key(), "item " + index + " does not exist; the list ("
                        + list.location() + ") has " + list.items().size() + " items");
            }
            List<ConfigNode> items = new java.util.ArrayList<>(list.items());
            items.set(index, apply(items.get(index), depth + 1));
            return new ListNode(items, list.location());
        }
        MapNode map;
        if (node instanceof MapNode existing) {
            map = existing;
        } else if (node == null || node instanceof org.scale4j.api.config.ScalarNode s && s.isNull()) {
            map = MapNode.empty(location);
        } else {
            throw new ConfigException(location, key(), "'" + String.join(".", path.subList(0, depth)) + "' is "
                    + node.describe() + " (" + node.location() + "), it has no key '" + segment + "'");
        }
        if (depth == path.size() - 1 && segment.endsWith("+")) {
            return TreeMerge.merge(map, new MapNode(List.of(new MapNode.Entry(segment, location, value)), location));
        }
        Optional<MapNode.Entry> child = map.entry(segment);
        ConfigNode updated = apply(child.map(MapNode.Entry::value).orElse(null), depth + 1);
        return map.with(segment, child.map(MapNode.Entry::keyLocation).orElse(location), updated);
    }
}
