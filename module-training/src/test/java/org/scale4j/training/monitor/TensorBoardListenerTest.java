package org.scale4j.training.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.training.StepMetrics;
import org.scale4j.tensorboard.reader.EventFile;
import org.scale4j.tensorboard.reader.EventFileReader;
import org.scale4j.tensorboard.reader.TfValue;

/** Drives every callback and reads the run back with the module's checking reader. */
class TensorBoardListenerTest {

    private static final List<String> MODALITIES = List.of("image", "table", "text");

    @TempDir
    Path tmp;

    static StepMetrics metrics(long step) {
        TreeMap<String, Double> s = new TreeMap<>();
        s.put("loss/total", 3.0 / step);
        s.put("loss/simcl", 2.0 / step);
        s.put("loss/mlm", 1.0 / step);
        s.put("lr", 1e-4 * step);
        s.put("grad_norm", 0.5);
        s.put("samples_per_sec", 64.0);
        s.put("weight/image", 0.25);
        s.put("weight/table", 0.25);
        s.put("weight/text", 0.5);
        s.put("pair/image-table", 0.1);
        s.put("pair/image-text", 0.6);
        s.put("pair/table-text", 0.3);
        return new StepMetrics(step, s);
    }

    @Test
    void writesEveryCallbackIntoOneRun() throws IOException {
        Path run = tmp.resolve("runs/quickstart/v0");
        Map<String, Object> hparams = new TreeMap<>();
        hparams.put("trainer", Map.of("steps", 20, "optimizer", Map.of("lr", 3e-4)));
        hparams.put("model", Map.of("fusion", Map.of("type", "joint-co-transformer")));
        try (TensorBoardListener listener = TensorBoardListener.builder().setRunDir(run).optGraphEvery(10).build()) {
            listener.onTrainingBegin(run, "run: {name: quickstart}\ntrainer:\n  steps: 20\n", hparams);
            for (long step = 1; step <= 20; step++) {
                listener.onStep(metrics(step));
            }
            listener.onValidation(new StepMetrics(20, new TreeMap<>(Map.of("loss/total", 0.75))));
            listener.onHistograms(20, Map.of("weights/fusion.layer0", new float[] {-1, 0, 1, 2}, "grads/empty", new float[0]));
            listener.onModalityGraph(20, MODALITIES, new double[][] {
                {Double.NaN, 0.2, 0.7}, {0.2, Double.NaN, 0.1}, {0.7, 0.1, Double.NaN}});
            listener.onEmbeddings(20, "fused/text", new float[][] {{1, 2}, {3, 4}}, List.of("id", "category"),
                    List.of(List.of("p1", "shoes"), List.of("p2", "bags")));
            listener.onEvaluation(20, Map.of("coarse/mAP@1", 0.42, "classification/accuracy", 0.8));
            listener.onTrainingEnd(20, true);
            assertEquals(0, listener.droppedEvents());
        }
        EventFile file = EventFileReader.read(onlyEventFile(run));
        assertTrue(file.isClean(), () -> file.problems().toString());

        // every StepMetrics scalar, every step
        for (String tag : metrics(1).scalars().keySet()) {
            assertEquals(20, file.scalars(tag).size(), tag);
        }
        assertEquals(0.15f, file.scalars("loss/total").get(20L), 0.0);
        assertEquals(0.6f, file.scalars("pair/image-text").get(7L), 0.0);
        assertEquals(0.75, file.scalars("val/loss/total").get(20L));
        assertEquals(0.42f, file.scalars("eval/coarse/mAP@1").get(20L), 0.0);

        // recipe text at step 0, indented as a Markdown code block
        TfValue recipe = file.values("recipe/text_summary").get(0L);
        assertEquals("text", recipe.pluginName());
        assertEquals("Resolved recipe:\n\n    run: {name: quickstart}\n    trainer:\n      steps: 20\n", recipe.text());

        // heat map: from pair scalars at step 10 (graphEvery), from onModalityGraph at 20, not at 20 from scalars
        Map<Long, TfValue> images = file.values("modality_graph");
        assertEquals(List.of(10L, 20L), List.copyOf(images.keySet()));
        assertTrue(images.values().stream().allMatch(v -> v.kind() == TfValue.Kind.IMAGE));
        Map<Long, TfValue> tables = file.values("modality_graph/text_summary");
        assertTrue(tables.get(10L).text().contains("| **image** | – | 0.1000 | 0.6000 |"), tables.get(10L).text());
        assertTrue(tables.get(20L).text().contains("| **text** | 0.7000 | 0.1000 | – |"), tables.get(20L).text());

        // histograms: non-empty ones only
        assertEquals(TfValue.Kind.HISTOGRAM, file.values("weights/fusion.layer0").get(20L).kind());
        assertTrue(file.values("grads/empty").isEmpty());

        // hparams in the same run: start with flattened keys, experiment naming metric scalars of this run, end
        String start = utf8(file.values("_hparams_/session_start_info").get(0L).pluginContent());
        for (String key : List.of("model.fusion.type", "trainer.optimizer.lr", "trainer.steps")) {
            assertTrue(start.contains(key), key);
        }
        assertTrue(start.contains("joint-co-transformer"));
        String experiment = utf8(file.values("_hparams_/experiment").get(20L).pluginContent());
        for (String metric : List.of("eval/coarse/mAP@1", "eval/classification/accuracy", "loss/total", "val/loss/total")) {
            assertTrue(experiment.contains(metric), metric);
            assertFalse(file.scalars(metric).isEmpty(), metric + " exists as a scalar in the run");
        }
        byte[] end = file.values("_hparams_/session_end_info").get(20L).pluginContent();
        // HParamsPluginData{session_end_info=4 {status=1: SUCCESS(1), end_time_secs=2}}
        assertArrayEquals(new byte[] {0x22, 11, 0x08, 0x01, 0x11}, java.util.Arrays.copyOf(end, 5));

        // projector
        assertTrue(Files.readString(run.resolve("projector_config.pbtxt")).contains("tensor_name: \"fused/text:00020\""));
        assertEquals("id\tcategory\np1\tshoes\np2\tbags\n", Files.readString(run.resolve("00020/fused/text/metadata.tsv")));
    }

    @Test
    void failedRunEndsTheSessionWithFailureAndScalarsEveryN() throws IOException {
        Path run = tmp.resolve("run");
        try (TensorBoardListener listener = TensorBoardListener.builder().setRunDir(run).optScalarsEvery(5).build()) {
            listener.onTrainingBegin(run, "", Map.of("seed", 42));
            for (long step = 1; step <= 12; step++) {
                listener.onStep(metrics(step));
            }
            listener.onTrainingEnd(12, false);
        }
        EventFile file = EventFileReader.read(onlyEventFile(run));
        assertEquals(List.of(5L, 10L), List.copyOf(file.scalars("lr").keySet()));
        assertTrue(file.values("recipe/text_summary").isEmpty(), "no text for an empty recipe");
        byte[] end = file.values("_hparams_/session_end_info").get(12L).pluginContent();
        assertEquals(0x02, end[3], "Status.FAILURE");
    }

    @Test
    void aWriteFailureIsOneWarningNamingTheDirectoryThenADroppedCount() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x"); // a file where the run directory should be
        Path run = blocker.resolve("run");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TensorBoardListener listener = TensorBoardListener.builder().setRunDir(run).optWarnings(warnings::add).build()) {
            for (long step = 1; step <= 3; step++) {
                listener.onStep(metrics(step));
                listener.onCheckpoint(step, tmp.resolve("step.ckpt")); // flushes: the failure is reported by now
            }
            listener.onTrainingEnd(3, true);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("TensorBoard writer cannot write " + run + ": "), warnings.get(0));
            assertTrue(warnings.get(0).endsWith("; events are dropped and a new file is tried every 10000 ms"), warnings.get(0));
            assertFalse(warnings.get(0).contains("java.") , "no class names with packages: " + warnings.get(0));
        }
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).matches("\\d+ TensorBoard events were dropped, so the event files in "
                + java.util.regex.Pattern.quote(run.toString()) + " miss some steps \\(the first problem was reported above\\)"),
                warnings.get(1));
    }

    @Test
    void withFailOnErrorTheNextCallbackThrowsAndAFailedRunEndsQuietly() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        Path run = blocker.resolve("run");
        TensorBoardListener listener = TensorBoardListener.builder().setRunDir(run).optFailOnError(true)
                .optWarnings(w -> { }).build();
        listener.onStep(metrics(1));
        TensorBoardWriteException thrown = org.junit.jupiter.api.Assertions.assertThrows(TensorBoardWriteException.class,
                () -> listener.onCheckpoint(1, tmp.resolve("step.ckpt")));
        assertTrue(thrown.getMessage().startsWith("TensorBoard writer cannot write " + run + ": "), thrown.getMessage());
        assertTrue(thrown.getMessage().endsWith("; the writer has stopped"), thrown.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(TensorBoardWriteException.class, () -> listener.onStep(metrics(2)));
        listener.onTrainingEnd(2, false); // the run is failing already (maybe because of this writer): no second throw
        org.junit.jupiter.api.Assertions.assertThrows(TensorBoardWriteException.class, listener::close);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Path onlyEventFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList();
            assertEquals(1, events.size(), events.toString());
            return events.get(0);
        }
    }
}
