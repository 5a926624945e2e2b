package org.scale4j.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;
import org.scale4j.tensorboard.reader.EventFileReader;
import org.scale4j.tensorboard.reader.TfEvent;
import org.scale4j.tensorboard.reader.TfValue;
import org.scale4j.training.checkpoint.CheckpointReader;
import org.scale4j.training.eval.report.EvalReport;

/**
 * The three commands of a run's life on a tiny synthetic dataset and model: {@code train} leaves a
 * complete run directory, {@code eval} re-evaluates its best checkpoint, {@code embed} exports it.
 */
class TrainEvalEmbedTest {

    @TempDir
    Path tmp;

    static Path quickstart() {
        return Path.of(System.getProperty("scale4j.root", "..")).resolve("recipes/quickstart.yaml");
    }

    /** Quickstart shrunk to seconds: 200 products, hidden 32, one layer per stack, 12 steps. */
    static List<String> tinyRun(Path tmp, String... more) {
        List<String> args = new ArrayList<>(List.of("train", quickstart().toString(),
                "--set", "run.out=" + tmp.resolve("runs"),
                "--set", "data.source.dir=" + tmp.resolve("data"),
                "--set", "data.source.rows=200",
                "--set", "data.batch_size=16",
                "--set", "data.eval_batch_size=32",
                "--set", "model.hidden=32",
                "--set", "model.contrastive_dim=32",
                "--set", "model.fusion.layers=1",
                "--set", "trainer.steps=12",
                "--set", "trainer.val_every=6",
                "--set", "checkpoint.every=4",
                "--set", "checkpoint.keep_last=2",
                "--set", "tensorboard.every=1",
                "--set", "tensorboard.histograms_every=4",
                "--set", "eval.tasks=[retrieval, clustering]"));
        for (String m : List.of("text", "table", "image", "video", "audio")) {
            args.addAll(List.of("--set", "model.encoders." + m + ".layers=1", "--set", "model.encoders." + m + ".heads=2",
                    "--set", "model.encoders." + m + ".ffn=64"));
        }
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void trainLeavesACompleteRunThatEvalAndEmbedCanUse() throws IOException {
        CliRun train = CliRun.of(tinyRun(tmp).toArray(new String[0]));
        assertEquals(0, train.status(), train.err());
        Path run = tmp.resolve("runs/quickstart/version_0");
        for (String file : List.of("recipe.yaml", "provenance.json", "train.log", "results.json", "results.md",
                "comparison.md")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "missing " + file);
        }
        assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"engine\": \"PyTorch 2.7.1\""));

        // The last two checkpoints (steps 8 and 12) plus the best by validation loss remain; all verify.
        List<Path> checkpoints;
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            checkpoints = files.filter(p -> p.toString().endsWith(".ckpt")).sorted().toList();
        }
        assertTrue(checkpoints.contains(run.resolve("checkpoints/step-000000012.ckpt")), checkpoints.toString());
        assertTrue(checkpoints.contains(run.resolve("checkpoints/step-000000008.ckpt")), checkpoints.toString());
        assertTrue(checkpoints.size() <= 3, checkpoints.toString());
        for (Path c : checkpoints) {
            CheckpointReader.verify(c);
        }

        // TensorBoard: one loss/total per step, finite; histograms at steps 4, 8, 12; validation
        // scalars at 6 and 12; the projector config after evaluation.
        Map<Long, Double> loss = new TreeMap<>();
        List<Long> histogramSteps = new ArrayList<>();
        List<Long> validationSteps = new ArrayList<>();
        StringBuilder experiment = new StringBuilder();
        try (Stream<Path> files = Files.list(run)) {
            for (Path events : files.filter(p -> p.getFileName().toString().contains("tfevents")).toList()) {
                for (TfEvent event : EventFileReader.read(events).events()) {
                    for (TfValue value : event.values()) {
                        if (value.tag().equals("loss/total")) {
                            loss.put(event.step(), value.scalar());
                        } else if (value.tag().equals("norms/gradients") && value.kind() == TfValue.Kind.HISTOGRAM) {
                            histogramSteps.add(event.step());
                        } else if (value.tag().equals("val/loss/total")) {
                            validationSteps.add(event.step());
                        } else if (value.tag().equals("_hparams_/experiment")) {
                            experiment.append(new String(value.pluginContent(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        assertEquals(12, loss.size(), loss.toString());
        assertTrue(loss.values().stream().allMatch(Double::isFinite), loss.toString());
        assertEquals(List.of(4L, 8L, 12L), histogramSteps);
        assertEquals(List.of(6L, 12L), validationSteps);
        assertTrue(Files.isRegularFile(run.resolve("projector_config.pbtxt")));
        // The hparams experiment is written after the evaluation, so its metric columns include it.
        assertTrue(experiment.toString().contains("eval/retrieval-coarse/all/dot/mAP@1"), "hparams experiment");

        EvalReport trained = EvalReport.fromJson(Files.readString(run.resolve("results.json"), StandardCharsets.UTF_8),
                "results.json");
        double mapAtOne = trained.tasks().get("retrieval-coarse/all/dot").get("mAP@1");
        assertEquals(mapAtOne, trained.tasks().get("retrieval-coarse/all/dot").get("Prec@1"), 0.0);

        // eval re-computes the same numbers from the best checkpoint when the best is the last step,
        // and in any case writes a complete results table.
        Files.delete(run.resolve("results.json"));
        CliRun eval = CliRun.of("eval", run.toString(), "--set", "data.source.dir=" + tmp.resolve("data"));
        assertEquals(0, eval.status(), eval.err());
        EvalReport again = EvalReport.fromJson(Files.readString(run.resolve("results.json"), StandardCharsets.UTF_8),
                "results.json");
        assertEquals(trained.tasks().keySet(), again.tasks().keySet());

        // Queries from test against a gallery of val, and the paper's fine-tuned classifier.
        CliRun galleryEval = CliRun.of("eval", run.toString(), "--set", "data.source.dir=" + tmp.resolve("data"),
                "--set", "eval.gallery_split=val", "--set", "eval.tasks=[retrieval, classification]",
                "--set", "eval.finetune_steps=6");
        assertEquals(0, galleryEval.status(), galleryEval.err());
        EvalReport withGallery = EvalReport.read(run);
        assertTrue(withGallery.config().get("retrieval").startsWith("queries vs gallery of "), withGallery.config().toString());
        double accuracy = withGallery.tasks().get("classification-finetune/all").get("accuracy");
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);

        CliRun compare = CliRun.of("eval", "--compare", run.toString(), run.toString());
        assertEquals(0, compare.status(), compare.err());
        assertTrue(compare.out().contains("retrieval-coarse/all/dot"), compare.out());

        CliRun runs = CliRun.of("runs", tmp.resolve("runs").toString());
        assertEquals(0, runs.status(), runs.err());
        String line = runs.out().lines().filter(l -> l.startsWith("quickstart/version_0")).findFirst().orElseThrow();
        assertTrue(line.matches("quickstart/version_0 +12 +" + String.format(java.util.Locale.ROOT, "%.4f",
                loss.get(12L)) + " .*"), line);

        Path exported = tmp.resolve("embeddings");
        CliRun embed = CliRun.of("embed", run.toString(), "--out", exported.toString(),
                "--set", "data.source.dir=" + tmp.resolve("data"));
        assertEquals(0, embed.status(), embed.err());
        assertTrue(Files.size(exported.resolve("embeddings.arrow")) > 0);
        assertTrue(Files.readString(exported.resolve("projector_config.pbtxt")).contains("embeddings {"));
        assertTrue(embed.out().matches("(?s)wrote \\d+ products x 6 embeddings of size 32 to .*"), embed.out());
    }

    @Test
    void fineTuningInTheBaselineEvaluationLeavesTheModelUntouched() throws IOException {
        CliRun plain = CliRun.of(tinyRun(tmp.resolve("a"), "--set", "trainer.steps=3", "--set", "trainer.val_every=0",
                "--set", "eval.tasks=[classification]").toArray(new String[0]));
        assertEquals(0, plain.status(), plain.err());
        CliRun finetuned = CliRun.of(tinyRun(tmp.resolve("b"), "--set", "trainer.steps=3", "--set", "trainer.val_every=0",
                "--set", "eval.tasks=[classification]", "--set", "eval.finetune_steps=3").toArray(new String[0]));
        assertEquals(0, finetuned.status(), finetuned.err());
        byte[] a = CheckpointReader.readAll(tmp.resolve("a/runs/quickstart/version_0/checkpoints/step-000000003.ckpt"))
                .get("parameters");
        byte[] b = CheckpointReader.readAll(tmp.resolve("b/runs/quickstart/version_0/checkpoints/step-000000003.ckpt"))
                .get("parameters");
        assertTrue(java.util.Arrays.equals(a, b), "fine-tuning changed the model that was then trained");
        assertTrue(EvalReport.read(tmp.resolve("b/runs/quickstart/version_0")).tasks()
                .containsKey("classification-finetune/all"));
    }

    @Test
    void aGpuThatIsNotThereIsAUserError() {
        CliRun run = CliRun.of(tinyRun(tmp, "--set", "trainer.devices=gpu").toArray(new String[0]));
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: trainer.devices: 'gpu' asks for a GPU, but PyTorch sees none."),
                run.err());
        assertTrue(Files.notExists(tmp.resolve("runs/quickstart/version_0")), "no half-made run directory");
    }
}
