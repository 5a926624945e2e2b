package org.scale4j.launcher.recipe;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;
import org.scale4j.api.config.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into a {@link ConfigNode} tree that keeps the file, line and column of
 * every key and value.
 *
 * <p>Safe by construction: it consumes SnakeYAML's parser events and builds plain maps, lists and
 * scalars itself, so no Java type is ever instantiated from a document. On top of that it rejects
 * custom tags ({@code !!python/object}, {@code !foo}), merge keys ({@code <<}), complex keys,
 * duplicate keys and multiple documents, and bounds the input: {@value #MAX_BYTES} bytes, nesting
 * depth {@value #MAX_DEPTH}, {@value #MAX_ALIASES} aliases and {@value #MAX_NODES} nodes after
 * alias expansion (the "billion laughs" bound). Every violation is a {@link ConfigException} at
 * the offending position.
 */
public final class YamlTreeReader {

    /** The largest recipe file accepted. */
    public static final int MAX_BYTES = 1 << 20;
    /** The deepest nesting of maps and lists. */
    public static final int MAX_DEPTH = 32;
    /** The most aliases ({@code *name}) in one document. */
    public static final int MAX_ALIASES = 50;
    /** The most nodes in one document, counting every alias as a full copy of its anchor. */
    public static final int MAX_NODES = 100_000;

    private static final Set<String> STANDARD_TAGS = Set.of(
            Tag.STR.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(),
            Tag.NULL.getValue(), Tag.MAP.getValue(), Tag.SEQ.getValue(), "!");

    private final String source;
    private final SourceLocation fixedLocation;
    private final Resolver resolver = new Resolver();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private Iterator<Event> events;
    private int aliases;
    private long nodes;

    /** A node an anchor names, with its size after alias expansion. */
    private record Anchored(ConfigNode node, long size) {
    }

    /** A built node with its size after alias expansion. */
    private record Built(ConfigNode node, long size) {
    }

    private YamlTreeReader(String source, SourceLocation fixedLocation) {
        this.source = source;
        this.fixedLocation = fixedLocation;
    }

    /**
     * Reads a recipe file. An empty file is an empty map.
     *
     * @param displayName how the file is named in locations (the path as the user gave it)
     */
    public static ConfigNode readFile(Path file, String displayName) {
        SourceLocation whole = SourceLocation.of(displayName);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(whole, "", "file is larger than " + MAX_BYTES + " bytes; a recipe is a small text file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(whole, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(whole, "", "cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(whole, "", "not UTF-8 text");
        }
        return new YamlTreeReader(displayName, null).read(new StringReader(text));
    }

    /** Reads YAML text; every node gets {@code location} (used for {@code --set} values). */
    public static ConfigNode readText(String text, SourceLocation location) {
        return new YamlTreeReader(location.file(), location).read(new StringReader(text));
    }

    private ConfigNode read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            events = new Yaml(options).parse(reader).iterator();
            next(Event.ID.StreamStart);
            Event event = events.next();
            if (event.is(Event.ID.StreamEnd)) {
                return MapNode.empty(location(event.getStartMark()));
            }
            expect(event, Event.ID.DocumentStart);
            Built root = node(events.next(), 0);
            next(Event.ID.DocumentEnd);
            Event end = events.next();
            if (!end.is(Event.ID.StreamEnd)) {
                throw error(end.getStartMark(), "a recipe is one YAML document; remove the second '---' document");
            }
            if (root.node() instanceof ScalarNode scalar && scalar.isNull()) {
                return MapNode.empty(root.node().location());
            }
            return root.node();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw error(mark, "YAML syntax error: " + oneLine(problem)
                    + (e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : ""));
        } catch (YAMLException e) {
            throw new ConfigException(SourceLocation.of(source), "", "YAML error: " + oneLine(e.getMessage()));
        }
    }

    private Built node(Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(event.getStartMark(), "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (event instanceof AliasEvent alias) {
            return alias(alias);
        }
        Built built;
        if (event instanceof ScalarEvent scalar) {
            built = new Built(scalar(scalar), 1);
        } else if (event instanceof MappingStartEvent start) {
            built = mapping(start, depth);
        } else if (event instanceof SequenceStartEvent start) {
            built = sequence(start, depth);
        } else {
            throw error(event.getStartMark(), "unexpected " + event.getEventId());
        }
        nodes += 1;
        if (nodes > MAX_NODES) {
            throw error(event.getStartMark(), "more than " + MAX_NODES + " values; a recipe is a small file");
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, new Anchored(built.node(), built.size()));
        }
        return built;
    }

    private Built alias(AliasEvent alias) {
        Anchored anchored = anchors.get(alias.getAnchor());
        if (anchored == null) {
            throw error(alias.getStartMark(), "unknown alias '*" + alias.getAnchor() + "'");
        }
        aliases += 1;
        if (aliases > MAX_ALIASES) {
            throw error(alias.getStartMark(), "more than " + MAX_ALIASES + " aliases; a recipe does not need that many");
        }
        nodes += anchored.size();
        if (nodes > MAX_NODES) {
            throw error(alias.getStartMark(), "aliases expand to more than " + MAX_NODES + " values (an alias bomb?)");
        }
        return new Built(anchored.node(), anchored.size());
    }

    private Built mapping(MappingStartEvent start, int depth) {
        checkCollectionTag(start, Tag.MAP);
        List<MapNode.Entry> entries = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        long size = 1;
        Event event = events.next();
        while (!event.is(Event.ID.MappingEnd)) {
            if (!(event instanceof ScalarEvent keyEvent)) {
                throw error(event.getStartMark(), "a key must be a plain name, not a map, list or alias");
            }
            ConfigNode keyNode = scalar(keyEvent);
            if (!(keyNode instanceof ScalarNode key) || key.isNull()) {
                throw error(keyEvent.getStartMark(), "a key must not be empty");
            }
            if (key.text().equals("<<") && keyEvent.isPlain()) {
                throw error(keyEvent.getStartMark(), "merge keys (<<) are not supported; use 'includes:' to reuse a recipe");
            }
            SourceLocation keyLocation = location(keyEvent.getStartMark());
            SourceLocation previous = seen.put(key.text(), keyLocation);
            if (previous != null) {
                throw error(keyEvent.getStartMark(), "duplicate key '" + key.text() + "' (first at " + previous + ")");
            }
            Built value = node(events.next(), depth + 1);
            size += value.size();
            entries.add(new MapNode.Entry(key.text(), keyLocation, value.node()));
            event = events.next();
        }
        return new Built(new MapNode(entries, location(start.getStartMark())), size);
    }

    private Built sequence(SequenceStartEvent start, int depth) {
        checkCollectionTag(start, Tag.SEQ);
        List<ConfigNode> items = new ArrayList<>();
        long size = 1;
        Event event = events.next();
        while (!event.is(Event.ID.SequenceEnd)) {
            Built item = node(event, depth + 1);
            size += item.size();
            items.add(item.node());
            event = events.next();
        }
        return new Built(new ListNode(items, location(start.getStartMark())), size);
    }

    private ConfigNode scalar(ScalarEvent event) {
        SourceLocation location = location(event.getStartMark());
        String tag = event.getTag();
        if (tag != null) {
            checkTag(tag, event.getStartMark());
            if (tag.equals(Tag.STR.getValue())) {
                return ScalarNode.string(event.getValue(), location);
            }
        }
        if (!event.isPlain()) {
            return ScalarNode.string(event.getValue(), location);
        }
        Tag resolved = tag != null && !tag.equals("!") ? new Tag(tag) : resolver.resolve(NodeId.scalar, event.getValue(), true);
        if (resolved.equals(Tag.NULL)) {
            return new ScalarNode(null, ScalarNode.Type.NULL, location);
        }
        if (resolved.equals(Tag.BOOL)) {
            return new ScalarNode(event.getValue(), ScalarNode.Type.BOOLEAN, location);
        }
        if (resolved.equals(Tag.INT) || resolved.equals(Tag.FLOAT)) {
            return new ScalarNode(event.getValue(), ScalarNode.Type.NUMBER, location);
        }
        return ScalarNode.string(event.getValue(), location);
    }

    private void checkCollectionTag(CollectionStartEvent start, Tag expected) {
        String tag = start.getTag();
        if (tag != null) {
            checkTag(tag, start.getStartMark());
            if (!tag.equals("!") && !tag.equals(expected.getValue())) {
                throw error(start.getStartMark(), "tag " + tag + " does not fit a " + (expected == Tag.MAP ? "map" : "list"));
            }
        }
    }

    private void checkTag(String tag, Mark mark) {
        if (!STANDARD_TAGS.contains(tag)) {
            throw error(mark, "YAML tags such as " + tag + " are not allowed in recipes; write plain values");
        }
    }

    private void next(Event.ID expected) {
        expect(events.next(), expected);
    }

    private void expect(Event event, Event.ID expected) {
        if (!event.is(expected)) {
            throw error(event.getStartMark(), "unexpected " + event.getEventId() + ", expected " + expected);
        }
    }

    private SourceLocation location(Mark mark) {
        if (fixedLocation != null) {
            return fixedLocation;
        }
        return mark == null ? SourceLocation.of(source) : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private ConfigException error(Mark mark, String message) {
        return new ConfigException(location(mark), "", message);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
