package org.scale4j.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.recipe.OptimizerType;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.launcher.CliRun;
import org.scale4j.launcher.TestPlugins;
import org.scale4j.launcher.TestRecipes;
import org.scale4j.launcher.plugin.PluginRegistry;
import org.scale4j.launcher.recipe.RecipeResolver;
import org.scale4j.launcher.recipe.ResolvedRecipe;

/** {@code scale4j recipe validate|print|schema} on good and broken recipes, run in-process. */
class RecipeCommandTest {

    @TempDir
    Path dir;

    private static String plugins() {
        return TestPlugins.dir(TestPlugins.TEST).toString();
    }

    private CliRun validate(String text, String... sets) {
        Path file = TestRecipes.write(dir, "r.yaml", text);
        List<String> args = new java.util.ArrayList<>(List.of("recipe", "validate", "--plugins", plugins(), file.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Asserts a user error: status 2, exactly {@code message} (file paths relative to the temp dir), no stack trace. */
    private void assertUserError(CliRun run, String message) {
        assertEquals(2, run.status(), run.out() + run.err());
        assertEquals("error: " + message + "\n", run.err().replace(dir + "/", ""));
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void acceptsAValidRecipe() {
        CliRun run = validate(TestRecipes.VALID);
        assertEquals(0, run.status(), run.err());
        assertEquals("ok " + dir.resolve("r.yaml") + "\n", run.out());
    }

    @Test
    void yamlSyntaxError() {
        assertUserError(validate(TestRecipes.validWith("hidden: 64", "hidden: [64")),
                "r.yaml:10:11: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence)");
    }

    @Test
    void unknownKeyWithSuggestion() {
        assertUserError(validate(TestRecipes.validWith("batch_size: 8", "batch_sise: 8")),
                "r.yaml:4:3: data.batch_sise: unknown key 'batch_sise'; did you mean 'batch_size'? allowed here: "
                        + "[source, batch_size, eval_batch_size, modalities, prefetch]");
    }

    @Test
    void unknownPluginParameter() {
        assertUserError(validate(TestRecipes.validWith("layers: 1", "layer: 1")),
                "r.yaml:11:32: model.encoders.text.layer: unknown key 'layer'; did you mean 'layers'? allowed here: "
                        + "[layers, heads, ffn]");
    }

    @Test
    void wrongType() {
        assertUserError(validate(TestRecipes.validWith("hidden: 64", "hidden: big")),
                "r.yaml:9:11: model.hidden: expected an integer, got 'big'");
    }

    @Test
    void unknownPluginNameListsTheKnownNames() {
        List<String> known = PluginRegistry.discover(List.of(TestPlugins.dir(TestPlugins.TEST)))
                .names(org.scale4j.api.plugin.PluginKind.ENCODER);
        assertTrue(known.contains("test-encoder"), known::toString);
        assertUserError(validate(TestRecipes.validWith("image: {type: test-encoder}", "image: {type: test-encodr}")),
                "r.yaml:12:19: model.encoders.image.type: unknown encoder 'test-encodr'; did you mean 'test-encoder'?; "
                        + "discovered: " + known);
    }

    @Test
    void missingRequiredValue() {
        assertUserError(validate(TestRecipes.validWith("{column: title, ", "{")),
                "r.yaml:6:11: data.modalities.text.column: missing required key 'column' "
                        + "(The main Arrow column of this modality, e.g. title or image_feats.)");
    }

    @Test
    void outOfRangeValue() {
        assertUserError(validate(TestRecipes.validWith("batch_size: 8", "batch_size: 0")),
                "r.yaml:4:15: data.batch_size: must be >= 1, got 0");
    }

    @Test
    void pluginConfigCheckPointsAtTheValue() {
        assertUserError(validate(TestRecipes.validWith("layers: 1", "layers: 1, heads: 5")),
                "r.yaml:11:50: model.encoders.text.heads: must divide ffn 256, got 5");
    }

    @Test
    void missingInclude() {
        assertUserError(validate("includes: [base/absent.yaml]\n" + TestRecipes.VALID),
                "r.yaml:1:12: includes: cannot find included recipe 'base/absent.yaml' (looked at base/absent.yaml)");
    }

    @Test
    void aliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(p);
            }
            bomb.append("]\n");
        }
        assertUserError(validate(bomb.toString()), "r.yaml:6:8: aliases expand to more than 100000 values (an alias bomb?)");
    }

    @Test
    void crossSectionChecks() {
        assertUserError(validate(TestRecipes.validWith("    image: {type: test-encoder}\n", "")),
                "r.yaml:11:5: model.encoders: no encoder for modality 'image'; every modality of data.modalities "
                        + "[image, text] needs one (or a model.share entry)");
    }

    @Test
    void aSharedModalityUsesTheOwnersEncoder() {
        String shared = TestRecipes.validWith("    image: {type: test-encoder}\n", "").replace("  fusion: {type: test-fusion}\n",
                "  fusion: {type: test-fusion}\n  share: {image: text}\n");
        assertEquals(0, validate(shared).status(), validate(shared).err());
        assertUserError(validate(TestRecipes.validWith("  fusion: {type: test-fusion}\n",
                "  fusion: {type: test-fusion}\n  share: {image: text}\n")), "r.yaml:12:12: model.encoders.image: modality "
                + "'image' uses the encoder of 'text' (model.share.image); remove this section or the sharing");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CliRun run = validate(TestRecipes.validWith("batch_size: 8", "batch_size: 0").replace("hidden: 64", "hidden: big")
                .replace("steps: 10", "steps: -1"));
        assertEquals(2, run.status());
        assertEquals(List.of("error: r.yaml:4:15: data.batch_size: must be >= 1, got 0",
                "r.yaml:9:11: model.hidden: expected an integer, got 'big'",
                "r.yaml:19:10: trainer.steps: must be >= 1, got -1"),
                run.err().replace(dir + "/", "").lines().toList());
    }

    @Test
    void overridesAreValidatedWithTheirOwnLocation() {
        assertUserError(validate(TestRecipes.VALID, "trainer.optimizer.lr=fast"),
                "--set #1: trainer.optimizer.lr: expected a number, got 'fast'");
        assertUserError(validate(TestRecipes.VALID, "trainer.steps=5", "trainer.stpes=5"),
                "--set #2: trainer.stpes: unknown key 'stpes'; did you mean 'steps'? allowed here: [steps, devices, "
                        + "micro_batches, grad_accumulation, optimizer, schedule, clip_grad_norm, max_bad_steps, val_every, "
                        + "early_stopping, log_every, onednn]");
        assertEquals(0, validate(TestRecipes.VALID, "trainer.optimizer.type=bert-adam").status());
    }

    @Test
    void aClosedConfigPackageNamesTheMissingOpens(@TempDir Path plugins) throws Exception {
        Files.copy(TestPlugins.jar(TestPlugins.TEST), plugins.resolve("test.jar"));
        Files.copy(TestPlugins.jar(TestPlugins.CLOSED), plugins.resolve("closed.jar"));
        Path file = TestRecipes.write(dir, "r.yaml", TestRecipes.validWith("{type: test-harmonizer}", "{type: closed-harmonizer}"));
        CliRun run = CliRun.of("recipe", "validate", "--plugins", plugins.toString(), file.toString());
        assertUserError(run, "r.yaml:13:15: model.harmonizer: cannot construct config record "
                + "org.scale4j.testplugin.closed.config.ClosedConfig: module org.scale4j.testplugin.closed must declare "
                + "'opens org.scale4j.testplugin.closed.config to org.scale4j.api;' in its module-info");
    }

    @Test
    void pluginDirectoriesInTheRecipeAreRelativeToTheRecipeFile() throws Exception {
        Files.createDirectories(dir.resolve("sub/jars"));
        Files.copy(TestPlugins.jar(TestPlugins.TEST), dir.resolve("sub/jars/test.jar"));
        Path file = TestRecipes.write(dir, "sub/r.yaml", TestRecipes.VALID + "plugins: {dirs: [jars]}\n");
        CliRun run = CliRun.of("recipe", "validate", file.toString());
        assertEquals(0, run.status(), run.err());
        CliRun print = CliRun.of("recipe", "print", file.toString());
        assertTrue(print.out().endsWith("plugins:\n  dirs: [" + dir.resolve("sub/jars").toAbsolutePath() + "]\nlisteners: []\n"),
                print.out());
        CliRun missing = CliRun.of("recipe", "validate", TestRecipes.write(dir, "r.yaml", TestRecipes.VALID
                + "plugins: {dirs: [nowhere]}\n").toString());
        assertUserError(missing, "plugin directory nowhere does not exist or is not a directory");
    }

    @Test
    void printShowsTheResolvedRecipeWhichLoadsBackToAnEqualRecipe() throws Exception {
        Path file = TestRecipes.write(dir, "r.yaml", TestRecipes.VALID);
        CliRun run = CliRun.of("recipe", "print", "--plugins", plugins(), file.toString(), "--set", "trainer.steps=12");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("# resolved by scale4j from " + file + "\n#   --set trainer.steps=12\n"), run.out());
        assertTrue(run.out().contains("""
                trainer:
                  steps: 12
                  devices: auto
                  micro_batches: 1
                  grad_accumulation: 1
                  optimizer:
                    type: adamw
                    lr: 3.0E-4
                    weight_decay: 0.01
                    betas: [0.9, 0.999]
                    eps: 1.0E-8
                """), run.out());
        assertTrue(run.out().contains("""
                objectives:
                  - type: test-contrastive
                    temperature: 0.1
                    weight: 1.0
                  - type: test-masked
                    modality: text
                    mask_ratio: 0.15
                    weight: 0.5
                """), run.out());

        PluginRegistry registry = PluginRegistry.discover(List.of(TestPlugins.dir(TestPlugins.TEST)));
        ConfigNode original = RecipeResolver.load(file, List.of("trainer.steps=12"));
        Recipe recipe = RecipeResolver.bind(original, registry, file, List.of()).recipe();
        Path printed = TestRecipes.write(dir, "printed.yaml", run.out());
        ResolvedRecipe again = RecipeResolver.bind(RecipeResolver.load(printed, List.of()), registry, printed, List.of());
        assertEquals(recipe, again.recipe());
        assertEquals(12, again.recipe().trainer().steps());
        assertEquals(OptimizerType.ADAMW, again.recipe().trainer().optimizer().type());
        assertEquals(3e-4, again.recipe().trainer().optimizer().lr());
    }

    @Test
    void schemaListsSectionsAndDiscoveredPlugins() throws Exception {
        Path out = dir.resolve("recipe.schema.json");
        CliRun run = CliRun.of("recipe", "schema", "--plugins", plugins(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        String schema = Files.readString(out);
        assertTrue(schema.startsWith("{\n  \"$schema\" : \"https://json-schema.org/draft/2020-12/schema\",\n"
                + "  \"title\" : \"scale4j recipe\",\n"), schema);
        for (String fragment : new String[] {"\"includes\" : {", "\"batch_size\" : {", "\"const\" : \"test-encoder\"",
            "\"enum\" : [ \"adamw\", \"bert-adam\" ]", "\"exclusiveMaximum\" : 1,"}) {
            assertTrue(schema.contains(fragment), () -> fragment + " missing in\n" + schema);
        }
    }

    @Test
    void validatesSeveralFilesAndReportsEach() {
        Path good = TestRecipes.write(dir, "good.yaml", TestRecipes.VALID);
        Path bad = TestRecipes.write(dir, "bad.yaml", TestRecipes.validWith("steps: 10", "steps: 0"));
        CliRun run = CliRun.of("recipe", "validate", "--plugins", plugins(), good.toString(), bad.toString());
        assertEquals(2, run.status());
        assertEquals("ok " + good + "\n", run.out());
        assertEquals("error: bad.yaml:19:10: trainer.steps: must be >= 1, got 0\n1 of 2 recipes are invalid\n",
                run.err().replace(dir + "/", ""));
    }
}
