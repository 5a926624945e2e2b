package org.scale4j.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.state.Stateful;

class TrainingCheckpointTest {

    @TempDir
    Path dir;

    /** A part whose whole state is one counter. */
    private static final class Counter implements Stateful {
        int value;

        @Override
        public String stateKey() {
            return "counter";
        }

        @Override
        public Map<String, byte[]> saveState() {
            return Map.of("value", Integer.toString(value).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void loadState(Map<String, byte[]> state) {
            value = Integer.parseInt(new String(state.get("value"), StandardCharsets.UTF_8));
        }
    }

    private static Block linear(NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Block block = Linear.builder().setUnits(3).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        return block;
    }

    @Test
    void restoresParametersStatePositionAndWarnsAboutUnclaimedState() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block saved = linear(manager, 1);
            Counter counter = new Counter();
            counter.value = 41;
            CheckpointStore store = new CheckpointStore(dir, 2, w -> { });
            Path file = TrainingCheckpoint.save(store, new TrainingCheckpoint.Position(12, new DataPosition(1, 96), 2),
                    saved, List.of(counter), "run: {name: x}\n", "{}", OptionalDouble.empty());

            Block restored = linear(manager, 2);
            assertTrue(differs(saved, restored));
            Counter fresh = new Counter();
            List<String> warnings = new ArrayList<>();
            TrainingCheckpoint.Position position = TrainingCheckpoint.restore(file, restored, manager,
                    List.of(fresh, new Stateful() {
                        @Override
                        public String stateKey() {
                            return "listener";
                        }

                        @Override
                        public Map<String, byte[]> saveState() {
                            return Map.of();
                        }

                        @Override
                        public void loadState(Map<String, byte[]> state) {
                        }
                    }), warnings::add);
            assertEquals(new TrainingCheckpoint.Position(12, new DataPosition(1, 96), 2), position);
            assertEquals(41, fresh.value);
            assertTrue(!differs(saved, restored));
            assertEquals(List.of("checkpoint step-000000012.ckpt has no state for 'listener'; it starts fresh"), warnings);
            assertEquals("run: {name: x}\n", TrainingCheckpoint.recipeOf(file));
        }
    }

    @Test
    void aCheckpointOfAnotherModelShapeIsRefusedWithAHint() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            CheckpointStore store = new CheckpointStore(dir, 2, w -> { });
            Path file = TrainingCheckpoint.save(store, new TrainingCheckpoint.Position(1, DataPosition.START, 0),
                    linear(manager, 1), List.of(), "", "{}", OptionalDouble.empty());
            Engine.getInstance().setRandomSeed(3);
            Block wider = Linear.builder().setUnits(5).build();
            wider.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            Exception e = assertThrows(Exception.class,
                    () -> TrainingCheckpoint.restore(file, wider, manager, List.of(), w -> { }));
            assertTrue(e.getMessage().contains("does not fit this model") || e.getMessage().contains("shape"),
                    e.getMessage());
        }
    }

    @Test
    void aPartStateOfAnotherLayoutNamesTheCheckpointAndThePart() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            CheckpointStore store = new CheckpointStore(dir, 2, w -> { });
            Stateful otherLayout = new Stateful() { // the same key, a state this run's Counter cannot read
                @Override
                public String stateKey() {
                    return "counter";
                }

                @Override
                public Map<String, byte[]> saveState() {
                    return Map.of("value", "forty-one".getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void loadState(Map<String, byte[]> state) {
                }
            };
            Path file = TrainingCheckpoint.save(store, new TrainingCheckpoint.Position(3, DataPosition.START, 0),
                    linear(manager, 1), List.of(otherLayout), "", "{}", OptionalDouble.empty());
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> TrainingCheckpoint.restore(file,
                    linear(manager, 2), manager, List.of(new Counter()), w -> { }));
            assertEquals("checkpoint step-000000003.ckpt: its 'counter' state does not fit this run: For input string:"
                    + " \"forty-one\"", e.getMessage());
        }
    }

    private static boolean differs(Block a, Block b) {
        for (int i = 0; i < a.getParameters().size(); i++) {
            float[] x = a.getParameters().get(i).getValue().getArray().toFloatArray();
            float[] y = b.getParameters().get(i).getValue().getArray().toFloatArray();
            try {
                assertArrayEquals(x, y, 0f);
            } catch (AssertionError e) {
                return true;
            }
        }
        return false;
    }
}
