package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scale4j.launcher.fault.ReferenceRun.STEPS;
import static org.scale4j.launcher.fault.ReferenceRun.WORK;
import static org.scale4j.launcher.fault.ReferenceRun.assertResumedLikeReference;
import static org.scale4j.launcher.fault.ReferenceRun.checkpoint;
import static org.scale4j.launcher.fault.ReferenceRun.copyTree;
import static org.scale4j.launcher.fault.ReferenceRun.losses;
import static org.scale4j.launcher.fault.ReferenceRun.referenceLosses;
import static org.scale4j.launcher.fault.ReferenceRun.runDir;
import static org.scale4j.launcher.fault.ReferenceRun.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scale4j.training.checkpoint.CheckpointReader;

/**
 * Faults at process level: {@code ./scale4j train} of a tiny real recipe killed with SIGKILL and
 * SIGTERM, resumed from a corrupt checkpoint, run out of disk space for checkpoints, and driven
 * into NaN ({@link TornCheckpointWriteTest} kills during a checkpoint write,
 * {@link EventFileDiskFullTest} fills the disk of the event files). Every resumed run must restore
 * the newest valid checkpoint, log every step with the reference run's learning rate, and end with
 * a complete, verified final checkpoint whose parameters and optimizer state are byte-identical to
 * the uninterrupted reference run's ({@link ReferenceRun#assertResumedLikeReference}).
 */
class ProcessFaultTest {

    @BeforeAll
    static void trainTheReference() throws Exception {
        ReferenceRun.trainOnce();
    }

    @Test
    void sigkillAtARandomStepThenResumeRestoresTheLastCheckpointAndCompletes() throws Exception {
        int killAt = 4 + new Random().nextInt(STEPS - 5); // 4..10: at least one checkpoint (every 3) before it
        String context = "killed at step " + killAt;
        ScaleProcess victim = ScaleProcess.start(WORK, train("killed"));
        victim.awaitLine(line -> finished(line, killAt));
        victim.kill();
        assertFalse(Files.exists(checkpoint(runDir("killed"), STEPS)), context);

        ScaleProcess.Finished resumed = ScaleProcess.run(WORK, train("killed", "--resume"));
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
        ScaleProcess victim = ScaleProcess.start(WORK, train("terminated"));
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
        // Every step the console reported is in the event file, with the reference's loss: the
        // stopping process wrote and closed its event file before it exited.
        SortedMap<Long, Double> logged = losses(run);
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("(?m)^step (\\d+)/" + STEPS + " ").matcher(out);
        List<Long> printedSteps = new ArrayList<>();
        while (printed.find()) {
            printedSteps.add(Long.parseLong(printed.group(1)));
        }
        assertEquals(printedSteps, List.copyOf(logged.keySet()), "steps on the console vs loss/total in the event file");
        assertEquals(referenceLosses.headMap(stoppedAt + 1), logged, "loss/total of the stopped process");

        ScaleProcess.Finished resumed = ScaleProcess.run(WORK, train("terminated", "--resume", run.toString()));
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("(step " + stoppedAt + ")"), resumed.output());
        assertResumedLikeReference("terminated", "stopped at step " + stoppedAt);
    }

    @Test
    void aCorruptNewestCheckpointFallsBackToTheLastGoodOne() throws Exception {
        Path source = runDir("reference");
        Path run = runDir("crashed");
        copyTree(source, run);
        Files.delete(checkpoint(run, STEPS));
        // a bit flip in the newest checkpoint (step 9)
        Path flipped = checkpoint(run, 9);
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(flipped, bytes);

        ScaleProcess.Finished resumed = ScaleProcess.run(WORK, train("crashed", "--resume", run.toString()));
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("warning: checkpoint " + flipped + " is corrupt: SHA-256 mismatch: the file"
                + " was changed or cut short; falling back to the previous checkpoint"), resumed.output());
        assertTrue(resumed.output().contains("restored step-000000006.ckpt (step 6)"), resumed.output());
        // the copied reference log covers steps 1..12, the resumed process appends 7..12: both must agree
        assertResumedLikeReference("crashed", "resumed from step 6");
    }

    @Test
    void nonFiniteLossesAreSkippedThenTheRunStopsWithTheLastGoodCheckpoint() throws Exception {
        ScaleProcess.Finished run = ScaleProcess.run(WORK, train("diverged", "--set", "trainer.optimizer.lr=1e30",
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
        ScaleProcess.Finished resumed = ScaleProcess.run(WORK, train("full", "--resume", run.toString()),
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
        ScaleProcess.Finished again = ScaleProcess.run(WORK, train("full", "--resume", run.toString()));
        assertEquals(0, again.status(), again.output());
        assertResumedLikeReference("full", "after a full disk at step 9");
    }

    /** Whether {@code line} reports step {@code step} as done: trained, or skipped by the NaN guard. */
    private static boolean finished(String line, long step) {
        return line.startsWith("step " + step + "/" + STEPS + " ") || line.startsWith("warning: step " + step + " has a non-finite");
    }
}
