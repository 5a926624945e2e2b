package org.scale4j.launcher.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.RecordSchema;
import org.scale4j.api.config.ScalarNode;
import org.scale4j.api.config.SourceLocation;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.UserException;
import org.scale4j.launcher.plugin.PluginRegistry;
import org.scale4j.launcher.recipe.JsonTreeWriter;
import org.scale4j.launcher.recipe.RecipeLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scale4j recipe schema [--out FILE]}: the JSON Schema of recipes with the discovered
 * plugins, for editor validation and completion (e.g. a {@code # yaml-language-server: $schema=...}
 * comment at the top of a recipe).
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Write the JSON Schema of recipes (with the discovered plugins) for editors.")
public final class RecipeSchemaCommand implements Callable<Integer> {

    @ParentCommand
    private RecipeCommand recipe;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PluginRegistry registry = PluginRegistry.discover(recipe.root.pluginDirs());
        String json = JsonTreeWriter.write(schema(registry));
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            write(out, json);
        }
        return ExitCodes.OK;
    }

    /** The recipe schema, with the {@code includes} key that the loader (not the records) handles. */
    public static MapNode schema(PluginRegistry registry) {
        MapNode schema = RecordSchema.generate(Recipe.class, "scale4j recipe", registry);
        SourceLocation here = SourceLocation.of("(schema)");
        MapNode properties = (MapNode) schema.get("properties").orElseThrow();
        MapNode includes = new MapNode(List.of(
                new MapNode.Entry("type", here, ScalarNode.string("array", here)),
                new MapNode.Entry("items", here, new MapNode(List.of(
                        new MapNode.Entry("type", here, ScalarNode.string("string", here))), here)),
                new MapNode.Entry("description", here, ScalarNode.string("Recipes this one builds on, relative to this "
                        + "file; merged in order, this file last (maps merge, lists are replaced, 'key+:' appends).", here))),
                here);
        return schema.with("properties", here, properties.with(RecipeLoader.INCLUDES, here, includes));
    }

    static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new UserException("cannot write " + file + ": directory " + parent + " does not exist");
        }
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
