package org.scale4j.launcher.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;
import org.scale4j.api.config.SourceLocation;
import org.scale4j.launcher.TestRecipes;

/** Includes, the merge rules and --set overrides, as documented in docs/recipes.md. */
class RecipeLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) {
        return TestRecipes.write(dir, name, text);
    }

    private static String yaml(ConfigNode tree) {
        return YamlTreeWriter.write((MapNode) tree, "");
    }

    private ConfigNode load(Path file, String... sets) {
        return RecipeResolver.load(file, List.of(sets));
    }

    @Test
    void mapsMergeDeeplyListsAreReplacedAndLaterIncludesWin() {
        write("base/a.yaml", """
                trainer: {steps: 100, optimizer: {lr: 0.1, eps: 1.0e-6}}
                eval: {top_k: [1, 5, 10]}
                objectives: [{type: simcl}, {type: mlm, modality: text}]
                """);
        write("base/b.yaml", "trainer: {steps: 200}\n");
        Path main = write("main.yaml", """
                includes: [base/a.yaml, base/b.yaml]
                trainer: {optimizer: {lr: 0.5}}
                eval: {top_k: [1]}
                """);
        assertEquals("""
                trainer:
                  steps: 200
                  optimizer:
                    lr: 0.5
                    eps: 1.0e-6
                eval:
                  top_k: [1]
                objectives:
                  - type: simcl
                  - type: mlm
                    modality: text
                """, yaml(load(main)));
    }

    @Test
    void plusSuffixAppendsToTheInheritedList() {
        write("base.yaml", "objectives: [{type: simcl}]\neval: {tasks: [retrieval]}\n");
        Path main = write("main.yaml", """
                includes: base.yaml
                objectives+: [{type: mlm, modality: text}]
                eval: {tasks+: [clustering]}
                """);
        assertEquals("""
                objectives:
                  - type: simcl
                  - type: mlm
                    modality: text
                eval:
                  tasks: [retrieval, clustering]
                """, yaml(load(main)));
    }

    @Test
    void aSectionNamingAnotherPluginReplacesTheInheritedOne() {
        write("base.yaml", "model: {fusion: {type: joint-co-transformer, layers: 2, heads: 4}, harmonizer: {type: self-harmonized}}\n");
        Path main = write("main.yaml", """
                includes: [base.yaml]
                model: {fusion: {type: mean-pool}, harmonizer: {type: self-harmonized, extra: 1}}
                """);
        assertEquals("""
                model:
                  fusion:
                    type: mean-pool
                  harmonizer:
                    type: self-harmonized
                    extra: 1
                """, yaml(load(main)));
    }

    @Test
    void setOverridesWinInOrderAndIndexLists() {
        Path main = write("main.yaml", "trainer: {steps: 10}\nobjectives: [{type: simcl}, {type: mlm, weight: 1}]\n");
        ConfigNode tree = load(main, "trainer.steps=20", "trainer.optimizer.lr=3e-4", "objectives.1.weight=0.5",
                "trainer.steps=30", "objectives+=[{type: mem}]", "model.fusion={type: concat-project}");
        assertEquals("""
                trainer:
                  steps: 30
                  optimizer:
                    lr: 3e-4
                objectives:
                  - type: simcl
                  - type: mlm
                    weight: 0.5
                  - type: mem
                model:
                  fusion:
                    type: concat-project
                """, yaml(tree));
        MapNode trainer = (MapNode) ((MapNode) tree).get("trainer").orElseThrow();
        assertEquals(SourceLocation.of("--set #4"), trainer.get("steps").orElseThrow().location());
    }

    @Test
    void badOverridesAreUserErrors() {
        Path main = write("main.yaml", "objectives: [{type: simcl}]\ntrainer: {steps: 10}\n");
        assertEquals("--set #1: expected key=value (e.g. trainer.optimizer.lr=3e-4), got 'trainer.steps'",
                assertThrows(ConfigException.class, () -> load(main, "trainer.steps")).getMessage());
        assertEquals("--set #2: objectives.5.weight: item 5 does not exist; the list (main.yaml:1:13) has 1 items",
                assertThrows(ConfigException.class, () -> load(main, "a=1", "objectives.5.weight=2")).getMessage()
                        .replace(dir + "/", ""));
        assertEquals("--set #1: trainer.steps.x: 'trainer.steps' is '10' (" + dir.resolve("main.yaml") + ":2:18), it has no key 'x'",
                assertThrows(ConfigException.class, () -> load(main, "trainer.steps.x=1")).getMessage());
        assertEquals("--set #1: YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a flow sequence)",
                assertThrows(ConfigException.class, () -> load(main, "eval.top_k=[1, 5")).getMessage());
    }

    @Test
    void missingIncludesAndCyclesNameTheIncludingLine() {
        Path missing = write("missing.yaml", "run: {seed: 1}\nincludes: [base/nope.yaml]\n");
        assertEquals(missing + ":2:12: includes: cannot find included recipe '" + dir.resolve("base/nope.yaml")
                        + "' (looked at " + dir.resolve("base/nope.yaml") + ")",
                assertThrows(ConfigException.class, () -> load(missing)).getMessage());
        write("a.yaml", "includes: [b.yaml]\n");
        write("b.yaml", "includes: [a.yaml]\n");
        assertEquals(dir.resolve("b.yaml") + ":1:12: includes: include cycle: a.yaml -> b.yaml -> a.yaml",
                assertThrows(ConfigException.class, () -> load(dir.resolve("a.yaml"))).getMessage());
    }

    @Test
    void appendingToANonListFails() {
        write("base.yaml", "eval: {tasks: {a: 1}}\n");
        Path main = write("main.yaml", "includes: [base.yaml]\neval: {tasks+: [x]}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(main));
        assertEquals(main + ":2:8: eval.tasks: 'tasks+' appends to a list, but the inherited 'tasks' ("
                + dir.resolve("base.yaml") + ":1:15) is a map", e.getMessage());
    }

    @Test
    void writerOutputReadsBackToTheSameTree() {
        Path main = write("main.yaml", """
                a: {s: 'yes', t: 'true', n: '12', e: '', q: "it's", colon: 'a: b', hash: 'x #y', path: runs/x.y}
                l: [1, 2.5, -3, true, null]
                m: [{k: v}, {}]
                """);
        ConfigNode tree = load(main);
        Path again = write("again.yaml", yaml(tree));
        assertEquals(strip(tree), strip(load(again)));
    }

    /** The tree without locations, for comparing content. */
    private static String strip(ConfigNode node) {
        if (node instanceof MapNode map) {
            return map.entries().stream().map(e -> e.key() + "=" + strip(e.value())).toList().toString();
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(RecipeLoaderTest::strip).toList().toString();
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.type() + ":" + scalar.text();
    }
}
