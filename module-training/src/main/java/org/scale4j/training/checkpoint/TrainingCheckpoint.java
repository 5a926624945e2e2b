package org.scale4j.training.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.state.Stateful;

/**
 * What a training checkpoint holds and how it maps to entries of a {@link CheckpointWriter} file:
 *
 * <pre>
 * meta                   properties: format, step, epoch, offset, bad_steps
 * parameters             the model block's parameters (DJL's own encoding, versioned by DJL)
 * state/&lt;key&gt;/&lt;name&gt;  each {@link Stateful} part's state (optimizer moments, ...)
 * recipe.yaml            the resolved recipe of the run
 * provenance.json        versions, host, seed, hashes
 * </pre>
 *
 * <p>The learning-rate schedule is a function of the step and the engine is reseeded from the
 * step, so neither needs an entry of its own.
 */
public final class TrainingCheckpoint {

    private static final int FORMAT = 1;

    private TrainingCheckpoint() {
    }

    /** The loop's position in a checkpoint. */
    public record Position(long step, DataPosition data, int badSteps) {
    }

    /** Writes a checkpoint of the run through {@code store}. */
    public static Path save(
            CheckpointStore store,
            Position position,
            Block block,
            List<Stateful> parts,
            String recipe,
            String provenance,
            OptionalDouble metric) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("step", Long.toString(position.step()));
        meta.setProperty("epoch", Integer.toString(position.data().epoch()));
        meta.setProperty("offset", Long.toString(position.data().offset()));
        meta.setProperty("bad_steps", Integer.toString(position.badSteps()));
        CheckpointWriter writer = CheckpointWriter.create()
                .add("meta", out -> meta.store(out, "scale4j checkpoint"))
                .add("parameters", out -> block.saveParameters(new DataOutputStream(out)));
        for (Stateful part : parts) {
            for (Map.Entry<String, byte[]> e : part.saveState().entrySet()) {
                writer.add("state/" + part.stateKey() + "/" + e.getKey(), e.getValue());
            }
        }
        writer.add("recipe.yaml", recipe.getBytes(StandardCharsets.UTF_8));
        writer.add("provenance.json", provenance.getBytes(StandardCharsets.UTF_8));
        return store.save(position.step(), writer, metric);
    }

    /**
     * Restores parameters and every part's state from {@code file} and returns the loop position.
     *
     * @param warnings receives one line for saved state that no part claimed and for parts that
     *     found no saved state (Lightning's habit: a resume never silently drops state)
     */
    public static Position restore(Path file, Block block, NDManager manager, List<Stateful> parts,
            Consumer<String> warnings) throws IOException {
        Properties meta = new Properties();
        Map<String, Map<String, byte[]>> states = new HashMap<>();
        boolean[] sawParameters = {false};
        CheckpointReader.read(file, (name, content) -> {
            if (name.equals("meta")) {
                meta.load(content);
            } else if (name.equals("parameters")) {
                loadParameters(file, block, manager, content);
                sawParameters[0] = true;
            } else if (name.startsWith("state/")) {
                int slash = name.indexOf('/', 6);
                states.computeIfAbsent(name.substring(6, slash), k -> new LinkedHashMap<>())
                        .put(name.substring(slash + 1), content.readAllBytes());
            }
        });
        if (!sawParameters[0] || meta.getProperty("step") == null) {
            throw new CorruptCheckpointException(file, "it has no " + (sawParameters[0] ? "meta" : "parameters") + " entry");
        }
        int format = Integer.parseInt(meta.getProperty("format", "0"));
        if (format != FORMAT) {
            throw new CorruptCheckpointException(file, "checkpoint format " + format + " is not supported (expected "
                    + FORMAT + ")");
        }
        TreeSet<String> unclaimed = new TreeSet<>(states.keySet());
        for (Stateful part : parts) {
            Map<String, byte[]> state = states.get(part.stateKey());
            unclaimed.remove(part.stateKey());
            if (state == null) {
                warnings.accept("checkpoint " + file.getFileName() + " has no state for '" + part.stateKey()
                        + "'; it starts fresh");
            } else {
                try {
                    part.loadState(state);
                } catch (IllegalArgumentException e) {
                    // the state was written by another layout of this part (another recipe or version)
                    throw new IOException("checkpoint " + file.getFileName() + ": its '" + part.stateKey()
                            + "' state does not fit this run: " + e.getMessage(), e);
                }
            }
        }
        if (!unclaimed.isEmpty()) {
            warnings.accept("checkpoint " + file.getFileName() + " holds state nobody restored: " + unclaimed);
        }
        return new Position(
                Long.parseLong(meta.getProperty("step")),
                new DataPosition(Integer.parseInt(meta.getProperty("epoch")), Long.parseLong(meta.getProperty("offset"))),
                Integer.parseInt(meta.getProperty("bad_steps", "0")));
    }

    private static void loadParameters(Path file, Block block, NDManager manager, InputStream content) throws IOException {
        // DJL replaces each parameter's array with whatever shape the file holds; check shapes
        // ourselves so that a checkpoint of another model fails instead of loading garbage.
        Map<String, ai.djl.ndarray.types.Shape> expected = new LinkedHashMap<>();
        block.getParameters().forEach(p -> expected.put(p.getKey(), p.getValue().getArray().getShape()));
        try {
            block.loadParameters(manager, new DataInputStream(content));
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException("checkpoint " + file + " does not fit this model (was the recipe's model section "
                    + "changed?): " + e.getMessage(), e);
        }
        // DJL's load puts fresh arrays into the parameters, without gradients: a resumed run's
        // first backward would fail ("does not require grad").
        org.scale4j.training.loop.TrainableParameters.enableGradients(block);
        for (var p : block.getParameters()) {
            ai.djl.ndarray.types.Shape saved = p.getValue().getArray().getShape();
            if (!saved.equals(expected.get(p.getKey()))) {
                throw new IOException("checkpoint " + file + " does not fit this model (was the recipe's model section "
                        + "changed?): parameter " + p.getKey() + " has shape " + saved + " in the checkpoint and "
                        + expected.get(p.getKey()) + " in the model");
            }
        }
    }

    /** Reads only the resolved recipe saved in a checkpoint. */
    public static String recipeOf(Path file) throws IOException {
        String[] recipe = {null};
        CheckpointReader.read(file, (name, content) -> {
            if (name.equals("recipe.yaml")) {
                recipe[0] = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        if (recipe[0] == null) {
            throw new CorruptCheckpointException(file, "it has no recipe.yaml entry");
        }
        return recipe[0];
    }
}
