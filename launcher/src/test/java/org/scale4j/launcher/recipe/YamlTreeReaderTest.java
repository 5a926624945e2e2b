package org.scale4j.launcher.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;
import org.scale4j.api.config.SourceLocation;
import org.scale4j.launcher.TestRecipes;

class YamlTreeReaderTest {

    @TempDir
    Path dir;

    private ConfigNode read(String text) {
        Path file = TestRecipes.write(dir, "r.yaml", text);
        return YamlTreeReader.readFile(file, "r.yaml");
    }

    private String error(String text) {
        return assertThrows(ConfigException.class, () -> read(text)).getMessage();
    }

    @Test
    void keepsLinesAndColumnsOfKeysAndValues() {
        MapNode root = (MapNode) read("""
                trainer:
                  steps: 10
                  betas: [0.9, 0.999]
                """);
        MapNode trainer = (MapNode) root.get("trainer").orElseThrow();
        MapNode.Entry steps = trainer.entry("steps").orElseThrow();
        assertEquals(new SourceLocation("r.yaml", 2, 3), steps.keyLocation());
        assertEquals(new SourceLocation("r.yaml", 2, 10), steps.value().location());
        ListNode betas = (ListNode) trainer.get("betas").orElseThrow();
        assertEquals(new SourceLocation("r.yaml", 3, 16), betas.items().get(1).location());
    }

    @Test
    void resolvesScalarTypesLikeYaml() {
        MapNode root = (MapNode) read("a: 1\nb: 3.0e-4\nc: 3e-4\nd: true\ne: ~\nf: '12'\ng: text\nh:\n");
        assertEquals(ScalarNode.Type.NUMBER, type(root, "a"));
        assertEquals(ScalarNode.Type.NUMBER, type(root, "b"));
        assertEquals(ScalarNode.Type.NUMBER, type(root, "c")); // SnakeYAML 2 resolves it; the binder reads either
        assertEquals(ScalarNode.Type.BOOLEAN, type(root, "d"));
        assertEquals(ScalarNode.Type.NULL, type(root, "e"));
        assertEquals(ScalarNode.Type.STRING, type(root, "f"));
        assertEquals(ScalarNode.Type.STRING, type(root, "g"));
        assertEquals(ScalarNode.Type.NULL, type(root, "h"));
    }

    private static ScalarNode.Type type(MapNode map, String key) {
        return ((ScalarNode) map.get(key).orElseThrow()).type();
    }

    @Test
    void emptyFileIsAnEmptyMap() {
        assertEquals(0, ((MapNode) read("# nothing\n")).entries().size());
    }

    @Test
    void syntaxErrorsNameTheirPosition() {
        assertEquals("r.yaml:2:1: YAML syntax error: expected ',' or '}', but got <stream end> (while parsing a flow mapping)",
                error("model: {hidden: 64\n"));
        assertEquals("r.yaml:2:4: YAML syntax error: mapping values are not allowed here",
                error("a: b\n  c: d\n"));
    }

    @Test
    void rejectsDuplicateKeysMergeKeysTagsAndSecondDocuments() {
        assertEquals("r.yaml:3:1: duplicate key 'a' (first at r.yaml:1:1)", error("a: 1\nb: 2\na: 3\n"));
        assertEquals("r.yaml:2:5: merge keys (<<) are not supported; use 'includes:' to reuse a recipe",
                error("base: &b {x: 1}\nc: {<<: *b}\n"));
        assertEquals("r.yaml:1:4: YAML tags such as tag:yaml.org,2002:java.lang.Runtime are not allowed in recipes; write plain values",
                error("a: !!java.lang.Runtime {}\n"));
        assertEquals("r.yaml:1:4: YAML tags such as !custom are not allowed in recipes; write plain values",
                error("a: !custom x\n"));
        assertEquals("r.yaml:2:1: a recipe is one YAML document; remove the second '---' document", error("a: 1\n---\nb: 2\n"));
    }

    @Test
    void boundsAliasesAndExpansion() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        String message = error(bomb.toString());
        assertTrue(message.startsWith("r.yaml:"), message);
        assertTrue(message.endsWith("aliases expand to more than 100000 values (an alias bomb?)")
                || message.endsWith("more than 50 aliases; a recipe does not need that many"), message);
        StringBuilder many = new StringBuilder("a: &a 1\nb: [");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ", ").append("*a");
        }
        assertEquals("r.yaml:2:205: more than 50 aliases; a recipe does not need that many", error(many + "]\n"));
    }

    @Test
    void expandsAFewAliases() {
        MapNode root = (MapNode) read("base: &enc {type: bert-text, layers: 2}\ntext: *enc\ntable: *enc\n");
        assertEquals(root.get("base").orElseThrow(), root.get("table").orElseThrow());
    }

    @Test
    void boundsNestingDepth() {
        String deep = "a: " + "[".repeat(40) + "]".repeat(40) + "\n";
        assertTrue(error(deep).contains("nesting deeper than"), error(deep));
    }

    @Test
    void readsOverrideValuesWithAFixedLocation() {
        ConfigNode value = YamlTreeReader.readText("{type: uniform}", SourceLocation.of("--set #2"));
        assertEquals(SourceLocation.of("--set #2"), ((MapNode) value).get("type").orElseThrow().location());
    }
}
