package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.training.checkpoint.CheckpointReader;

/**
 * Faults at process level: {@code ./scale4j train} of a tiny real recipe killed with SIGKILL and
 * SIGTERM, resumed from corrupt and half-written checkpoints, run out of disk space, and driven
 * into NaN. Every resumed run must restore the newest valid checkpoint, log every step with the
 * reference run's learning rate, and end with a complete, verified final checkpoint. (Bitwise
 * equality with the reference is blocked by run-to-run nondeterminism of the model's first step;
 * see {@link #assertResumedLikeReference}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessFaultTest {

    private static final Path RECIPE = Path.of("src/test/resources/fault/tiny.yaml").toAbsolutePath();
    private static final int STEPS = 12;

    @TempDir static Path work;

    private Map<String, byte[]> referenceState;
    private SortedMap<Long, Double> referenceLosses;
    private SortedMap<Long, String> referenceSchedule;

    private List<String> train(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--set", "run.name=" + name));
        args.addAll(List.of(extra));
        return args;
    }

    private Path runDir(String name) {
        return work.resolve("runs").resolve(name).resolve("version_0");
    }

    private static Path checkpoint(Path run, long step) {
        return run.resolve("checkpoints").resolve(String.format("step-%09d.ckpt", step));
    }

    /** The parameters and every piece of optimizer state of a checkpoint (not its time-stamped meta). */
    private static Map<String, byte[]> state(Path checkpoint) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(CheckpointReader.readAll(checkpoint));
        entries.keySet().removeIf(k -> !k.equals("parameters") && !k.startsWith("state/"));
        return entries;
    }

    /**
     * {@code loss/total} per step from the run's event files, oldest file first, so that steps a
     * resumed process re-did after a kill take the value the resumed process logged.
     */
    private static SortedMap<Long, Double> losses(Path run) throws IOException {
        SortedMap<Long, Double> losses = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(run)) {
            files = list.filter(p -> p.getFileName().toString().contains("tfevents")).sorted().toList();
        }
        for (Path file : files) {
            for (var event : org.scale4j.tensorboard.reader.EventFileReader.read(file).events()) {
                for (var value : event.values()) {
                    if (value.tag().equals("loss/total")) {
                        losses.put(event.step(), value.scalar());
                    }
                }
            }
        }
        return losses;
    }

    private static final java.util.regex.Pattern STEP_LINE =
            java.util.regex.Pattern.compile("^step (\\d+)/\\d+ loss \\S+ lr (\\S+) .*");
    private static final java.util.regex.Pattern SKIPPED_LINE =
            java.util.regex.Pattern.compile("^warning: step (\\d+) has a non-finite .*update skipped.*");

    /**
     * The learning rate per step from the run's {@code train.log}, which every process of the run
     * appends to ({@code skipped} for a step the NaN guard skipped). A step logged twice (by a killed
     * process and again after the resume) must show the same learning rate: the schedule position
     * is restored exactly.
     */
    private static SortedMap<Long, String> schedule(Path run) throws IOException {
        SortedMap<Long, String> curve = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("train.log"))) {
            java.util.regex.Matcher step = STEP_LINE.matcher(line);
            java.util.regex.Matcher skipped = SKIPPED_LINE.matcher(line);
            if (step.matches()) {
                String before = curve.put(Long.parseLong(step.group(1)), step.group(2));
                if (before != null && !before.equals("skipped")) {
                    assertEquals(before, step.group(2), "step " + step.group(1) + " logged twice with different rates");
                }
            } else if (skipped.matches()) {
                curve.putIfAbsent(Long.parseLong(skipped.group(1)), "skipped");
            }
        }
        return curve;
    }

    /**
     * What a resumed run must share with the uninterrupted reference: a final checkpoint that
     * verifies and holds the same entries, every step logged, the same learning rate at every
     * step. Not (yet) asserted: bitwise-equal parameters. Two uninterrupted runs of this recipe do
     * not agree bit for bit today (the first step's gradient is sometimes infinite, and later
     * losses differ in the fourth digit), so a resumed run cannot be compared bitwise either;
     * docs/reliability.md ("Open defects") has the evidence and bench/reliability/determinism.sh
     * measures it.
     */
    private void assertResumedLikeReference(String name, String context) throws IOException {
        Path run = runDir(name);
        CheckpointReader.verify(checkpoint(run, STEPS));
        Map<String, byte[]> resumedState = state(checkpoint(run, STEPS));
        assertEquals(referenceState.keySet(), resumedState.keySet(), context);
        // Bitwise: the final parameters and optimizer moments equal the uninterrupted run's.
        for (Map.Entry<String, byte[]> e : referenceState.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), resumedState.get(e.getKey())),
                    context + ": checkpoint entry " + e.getKey() + " differs from the uninterrupted run");
        }
        // And the loss curve at full float precision: every loss either process logged equals the
        // uninterrupted run's (a killed process may not have flushed its last events), and the
        // resumed process logged every step up to the end.
        SortedMap<Long, Double> logged = losses(run);
        assertTrue(logged.containsKey((long) STEPS), context + ": logged " + logged.keySet());
        for (Map.Entry<Long, Double> e : logged.entrySet()) {
            assertEquals(referenceLosses.get(e.getKey()), e.getValue(), context + ": loss/total of step " + e.getKey());
        }
        long firstResumed = logged.lastKey();
        while (logged.containsKey(firstResumed - 1)) {
            firstResumed--;
        }
        assertEquals(referenceLosses.tailMap(firstResumed), logged.tailMap(firstResumed), context + ": resumed curve");
        SortedMap<Long, String> resumed = schedule(run);
        assertEquals(referenceSchedule.keySet(), resumed.keySet(), context + ": logged steps");
        for (Map.Entry<Long, String> e : resumed.entrySet()) {
            String expected = referenceSchedule.get(e.getKey());
            if (!expected.equals("skipped") && !e.getValue().equals("skipped")) {
                assertEquals(expected, e.getValue(), context + ": learning rate of step " + e.getKey());
            }
        }
    }

    @BeforeAll
    void trainTheReference() throws Exception {
        ScaleProcess.Finished reference = ScaleProcess.run(work, train("reference"));
        assertEquals(0, reference.status(), reference.output());
        referenceState = state(checkpoint(runDir("reference"), STEPS));
        referenceLosses = losses(runDir("reference"));
        referenceSchedule = schedule(runDir("reference"));
        assertEquals(STEPS, referenceSchedule.size(), "one line per step");
    }

    @Test
    void sigkillAtARandomStepThenResumeRestoresTheLastCheckpointAndCompletes() throws Exception {
        int killAt = 4 + new Random().nextInt(STEPS - 5); // 4..10: at least one checkpoint (every 3) before it
        String context = "killed at step " + killAt;
        ScaleProcess victim = ScaleProcess.start(work, train("killed"));
        victim.awaitLine(line -> finished(line, killAt));
        victim.kill();
        assertFalse(Files.exists(checkpoint(runDir("killed"), STEPS)), context);

        ScaleProcess.Finished resumed = ScaleProcess.run(work, train("killed", "--resume"));
        assertEquals(0, resumed.status(), resumed.output());
        java.util.regex.Matcher restored = java.util.regex.Pattern.compile("restored step-\\d{9}\\.ckpt \\(step (\\d+)\\)")
                .matcher(resumed.output());
        assertTrue(restored.find(), context + "\n" + resumed.output());
        long from = Long.parseLong(restored.group(1));
        assertTrue(from % 3 == 0 && from > 0 && from <= killAt, context + ", restored step " + from);
        assertResumedLikeReference("killed", context);
    }

    @Test
    void sigtermWritesACheckpointExits130AndResumeCompletes() throws Exception {
        ScaleProcess victim = ScaleProcess.start(work, train("terminated"));
        victim.awaitLine(line -> finished(line, 5));
        victim.terminate();
        int status = victim.finish();
        String out = victim.output();
        assertEquals(130, status, out);
        Path run = runDir("terminated");
        assertTrue(out.contains("stopped; the checkpoint is in " + run.resolve("checkpoints") + ". Continue with:\n"
                + "  ./scale4j train <recipe> --resume " + run + "\n"), out);
        assertFalse(out.contains("Exception"), out);
        long stoppedAt;
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            stoppedAt = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ckpt"))
                    .mapToLong(n -> Long.parseLong(n.substring(5, 14))).max().orElseThrow();
        }
        assertTrue(stoppedAt >= 5 && stoppedAt < STEPS, "the stop checkpoint is at step " + stoppedAt);
        CheckpointReader.verify(checkpoint(run, stoppedAt));

        ScaleProcess.Finished resumed = ScaleProcess.run(work, train("terminated", "--resume", run.toString()));
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("(step " + stoppedAt + ")"), resumed.output());
        assertResumedLikeReference("terminated", "stopped at step " + stoppedAt);
    }

    @Test
    void aCorruptNewestCheckpointAndAHalfWrittenOneFallBackToTheLastGoodOne() throws Exception {
        Path source = runDir("reference");
        Path run = runDir("crashed");
        copyTree(source, run);
        Path checkpoints = run.resolve("checkpoints");
        // SIGKILL between the temp-file write and the rename leaves a partial temp file beside a
        // complete older checkpoint: simulate it for step 12 with half of the real file's bytes.
        byte[] last = Files.readAllBytes(checkpoint(run, STEPS));
        Files.delete(checkpoint(run, STEPS));
        Path partial = checkpoints.resolve(".step-000000012.ckpt.4242.tmp");
        Files.write(partial, java.util.Arrays.copyOf(last, last.length / 2));
        // ... and a bit flip in the newest complete checkpoint (step 9).
        Path flipped = checkpoint(run, 9);
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(flipped, bytes);

        ScaleProcess.Finished resumed = ScaleProcess.run(work, train("crashed", "--resume", run.toString()));
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("warning: checkpoint " + flipped + " is corrupt: SHA-256 mismatch: the file"
                + " was changed or cut short; falling back to the previous checkpoint"), resumed.output());
        assertTrue(resumed.output().contains("restored step-000000006.ckpt (step 6)"), resumed.output());
        assertFalse(Files.exists(partial), "the stale temp file is cleaned up");
        // the copied reference log covers steps 1..12, the resumed process appends 7..12: both must agree
        assertResumedLikeReference("crashed", "resumed from step 6");
    }

    @Test
    void nonFiniteLossesAreSkippedThenTheRunStopsWithTheLastGoodCheckpoint() throws Exception {
        ScaleProcess.Finished run = ScaleProcess.run(work, train("diverged", "--set", "trainer.optimizer.lr=1e30",
                "--set", "trainer.clip_grad_norm=0", "--set", "trainer.max_bad_steps=2", "--set", "checkpoint.every=1"));
        String out = run.output();
        assertEquals(2, run.status(), out);
        Path dir = runDir("diverged");
        java.util.regex.Matcher stop = java.util.regex.Pattern.compile("error: training stopped at step (\\d+) after 3 steps"
                + " with a non-finite loss or gradient \\(trainer.max_bad_steps\\)\\. The last good checkpoint is (\\S+\\.ckpt);"
                + " lower trainer.optimizer.lr or set trainer.clip_grad_norm and resume with --resume \\2\\.").matcher(out);
        assertTrue(stop.find(), out);
        long stoppedAt = Long.parseLong(stop.group(1));
        for (int inARow = 1; inARow <= 3; inARow++) {
            assertTrue(out.contains("warning: step " + (stoppedAt - 3 + inARow) + " has a non-finite ")
                    && out.contains("update skipped (" + inARow + " in a row; the run stops after 2)"), out);
        }
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
        // the last good checkpoint is the newest one, complete, and no checkpoint of a bad step exists
        Path lastGood = Path.of(stop.group(2));
        CheckpointReader.verify(lastGood);
        try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ckpt")).sorted().toList();
            assertEquals(lastGood.getFileName().toString(), names.get(names.size() - 1), names.toString());
            assertTrue(names.stream().mapToLong(n -> Long.parseLong(n.substring(5, 14))).max().orElseThrow() < stoppedAt - 2, names.toString());
        }
    }

    @Test
    void aFullDiskStopsTheRunCleanlyAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path run = runDir("full");
        copyTree(runDir("reference"), run);
        Files.delete(checkpoint(run, STEPS));
        Files.delete(checkpoint(run, 9));
        long checkpointKib = Files.size(checkpoint(run, 6)) / 1024;
        // every file the process writes may grow to half a checkpoint: the next checkpoint's write fails
        ScaleProcess.Finished resumed = ScaleProcess.run(work, train("full", "--resume", run.toString()),
                checkpointKib / 2);
        String out = resumed.output();
        assertEquals(2, resumed.status(), out);
        assertTrue(out.contains("restored step-000000006.ckpt (step 6)"), out);
        assertTrue(out.contains("error: cannot write the checkpoint of step 9 to " + run.resolve("checkpoints")
                + ": IOException (File too large). Training stopped. Free space, then continue from"
                + " step-000000006.ckpt with --resume " + run + "."), out);
        assertFalse(out.contains("Exception:") || out.contains("\tat "), out);
        CheckpointReader.verify(checkpoint(run, 6));
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            assertEquals(List.of("step-000000003.ckpt", "step-000000006.ckpt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no partial or temporary file");
        }
        // with space again, the run continues to the reference's end
        ScaleProcess.Finished again = ScaleProcess.run(work, train("full", "--resume", run.toString()));
        assertEquals(0, again.status(), again.output());
        assertResumedLikeReference("full", "after a full disk at step 9");
    }

    /** Whether {@code line} reports step {@code step} as done: trained, or skipped by the NaN guard. */
    private static boolean finished(String line, long step) {
        return line.startsWith("step " + step + "/" + STEPS + " ") || line.startsWith("warning: step " + step + " has a non-finite");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
