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
import org.scale4j.training.checkpoint.CheckpointStore;

/**
 * Faults at process level: {@code ./scale4j train} of a tiny real recipe killed with SIGKILL (also
 * in the middle of a checkpoint write) and SIGTERM, resumed from corrupt checkpoints, run out of
 * disk space for checkpoints and for event files, and driven into NaN. Every resumed run must
 * restore the newest valid checkpoint, log every step with the reference run's learning rate, and
 * end with a complete, verified final checkpoint whose parameters and optimizer state are
 * byte-identical to the uninterrupted reference run's (see {@link #assertResumedLikeReference}).
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
     * verifies and whose parameters and optimizer state are byte-identical, every step logged, the
     * same learning rate at every step, and the same {@code loss/total} (at full float precision)
     * at every step any of its processes wrote to TensorBoard.
     */
    private void assertResumedLikeReference(String name, String context) throws IOException {
        Path run = runDir(name);
        assertFinalStateLikeReference(run, context);
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

    /** The final checkpoint verifies, and its parameters and optimizer moments equal the reference's bit for bit. */
    private void assertFinalStateLikeReference(Path run, String context) throws IOException {
        CheckpointReader.verify(checkpoint(run, STEPS));
        Map<String, byte[]> resumedState = state(checkpoint(run, STEPS));
        assertEquals(referenceState.keySet(), resumedState.keySet(), context);
        for (Map.Entry<String, byte[]> e : referenceState.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), resumedState.get(e.getKey())),
                    context + ": checkpoint entry " + e.getKey() + " differs from the uninterrupted run");
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

        ScaleProcess.Finished resumed = ScaleProcess.run(work, train("terminated", "--resume", run.toString()));
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

        ScaleProcess.Finished resumed = ScaleProcess.run(work, train("crashed", "--resume", run.toString()));
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("warning: checkpoint " + flipped + " is corrupt: SHA-256 mismatch: the file"
                + " was changed or cut short; falling back to the previous checkpoint"), resumed.output());
        assertTrue(resumed.output().contains("restored step-000000006.ckpt (step 6)"), resumed.output());
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

    /**
     * How many processes the torn-write test may start (the first run, then resumes) before one
     * SIGKILL must have landed while a checkpoint was being written. A checkpoint of the tiny model
     * takes 2-20 ms from temp file to rename; measured: a kill lands mid-write in about 4 of 5
     * tries on idle cores and in 12 of 12 on 2 busy ones (a slower writer widens the window).
     */
    private static final int MAX_KILL_TRIES = 8;

    @Test
    void sigkillWhileACheckpointIsWrittenKeepsThePreviousOneAndResumeMatchesTheReference() throws Exception {
        String name = "torn";
        Path run = runDir(name);
        Path checkpoints = run.resolve("checkpoints");
        long started = System.nanoTime();
        Path torn = null;
        int tries = 0;
        while (torn == null) {
            tries++;
            assertTrue(tries <= MAX_KILL_TRIES, "in " + MAX_KILL_TRIES + " tries no SIGKILL landed while a checkpoint"
                    + " was written (each kill came after the rename)");
            List<String> args = tries == 1 ? train(name, "--set", "checkpoint.every=1")
                    : train(name, "--set", "checkpoint.every=1", "--resume", run.toString());
            torn = killWhileACheckpointIsWritten(ScaleProcess.start(work, args), checkpoints);
        }
        // The kill left the temp file of step k beside the complete checkpoint of step k - 1.
        long tornStep = Long.parseLong(torn.getFileName().toString().substring(".step-".length(), ".step-".length() + 9));
        long newest;
        try (Stream<Path> files = Files.list(checkpoints)) {
            newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("step-\\d{9}\\.ckpt"))
                    .mapToLong(n -> Long.parseLong(n.substring(5, 14))).max().orElseThrow();
        }
        assertEquals(tornStep - 1, newest, "the newest complete checkpoint precedes the torn write");
        CheckpointReader.verify(checkpoint(run, newest));
        System.out.printf("torn checkpoint write: the kill landed on try %d (%.1f s); %s had %d of %d bytes%n", tries,
                (System.nanoTime() - started) / 1e9, torn.getFileName(), Files.size(torn),
                Files.size(checkpoint(run, newest)));

        ScaleProcess.Finished resumed = ScaleProcess.run(work,
                train(name, "--set", "checkpoint.every=1", "--resume", run.toString()));
        String context = "killed while writing the checkpoint of step " + tornStep + " (try " + tries + ")";
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("restored " + checkpoint(run, newest).getFileName() + " (step " + newest
                + ")\n"), context + "\n" + resumed.output());
        assertFalse(resumed.output().contains("warning: checkpoint"), "the temp file is not a candidate: " + resumed.output());
        assertFalse(Files.exists(torn), "the first save of the resumed run deletes the torn temp file");
        assertResumedLikeReference(name, context);
    }

    /**
     * Watches the checkpoint directory of a starting or resuming run and sends SIGKILL the moment a
     * checkpoint's temp file appears (once a complete checkpoint exists to fall back to, and not for
     * the last step, so a missed kill leaves steps to try again). Returns the temp file when the
     * kill landed before its rename (it is still there), null when the rename won the race.
     */
    private static Path killWhileACheckpointIsWritten(ScaleProcess victim, Path checkpoints) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ScaleProcess.TIMEOUT_SECONDS);
        while (!Files.isDirectory(checkpoints)) {
            if (!victim.alive() || System.nanoTime() > deadline) {
                victim.kill();
                throw new AssertionError("no checkpoint directory " + checkpoints + "; output:\n" + victim.output());
            }
            Thread.sleep(1);
        }
        try (java.nio.file.WatchService watch = checkpoints.getFileSystem().newWatchService()) {
            checkpoints.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            while (System.nanoTime() < deadline) {
                java.nio.file.WatchKey key = watch.poll(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (key == null) {
                    if (!victim.alive()) {
                        throw new AssertionError("the run ended before a checkpoint write to kill; output:\n" + victim.output());
                    }
                    continue;
                }
                for (java.nio.file.WatchEvent<?> event : key.pollEvents()) {
                    String created = event.context().toString();
                    if (created.startsWith(".step-") && created.endsWith(".tmp")
                            && Long.parseLong(created.substring(6, 15)) < STEPS && hasCompleteCheckpoint(checkpoints)) {
                        victim.kill();
                        Path temp = checkpoints.resolve(created);
                        return Files.exists(temp) ? temp : null;
                    }
                }
                key.reset();
            }
        }
        victim.kill();
        throw new AssertionError("no checkpoint write in " + ScaleProcess.TIMEOUT_SECONDS + " s; output:\n" + victim.output());
    }

    private static boolean hasCompleteCheckpoint(Path checkpoints) throws IOException {
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("step-\\d{9}\\.ckpt"));
        }
    }

    /**
     * The tmpfs the event files of the full-disk tests get: one page. A run resumed at step 3 (with
     * a checkpoint, and so an event flush, every step) writes about 3.6 KB of recipe text and
     * hparams, then 369 bytes per step: the flush after step 4 fits, the one after step 5 does not.
     */
    private static final int EVENT_DISK_KIB = 4;

    /** A copy of the reference run as it was after step 3 (its checkpoint, recipe, provenance and log; no event file). */
    private Path referenceAtStep3(String name) throws IOException {
        Path run = runDir(name);
        copyTree(runDir("reference"), run);
        for (long step = 6; step <= STEPS; step += 3) {
            Files.delete(checkpoint(run, step));
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path events : files.filter(p -> p.getFileName().toString().contains("tfevents")).toList()) {
                Files.delete(events);
            }
        }
        return run;
    }

    private static Path onlyEventFile(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            List<Path> events = files.filter(p -> p.getFileName().toString().contains("tfevents")).toList();
            assertEquals(1, events.size(), events.toString());
            return events.get(0);
        }
    }

    /** The event file holds the steps before the disk filled up (the reference's values) and then a cut record. */
    private void assertEventFileFilledTheDisk(Path events) throws IOException {
        assertEquals(EVENT_DISK_KIB * 1024L, Files.size(events), "the event file filled the small disk");
        var file = org.scale4j.tensorboard.reader.EventFileReader.read(events);
        assertEquals(1, file.problems().size(), file.problems().toString());
        assertEquals(org.scale4j.tensorboard.reader.RecordProblem.Kind.TRUNCATED, file.problems().get(0).kind());
        SortedMap<Long, Double> logged = new TreeMap<>();
        for (var event : file.events()) {
            for (var value : event.values()) {
                if (value.tag().equals("loss/total")) {
                    logged.put(event.step(), value.scalar());
                }
            }
        }
        assertEquals(referenceLosses.subMap(4L, 5L), logged, "loss/total that reached the disk");
    }

    @Test
    void aFullDiskForEventFilesIsOneWarningAndTrainingFinishes() throws Exception {
        String name = "events-full";
        Path run = referenceAtStep3(name);
        ScaleProcess.Finished resumed = ScaleProcess.runWithNewFilesOnASmallDisk(work,
                train(name, "--set", "checkpoint.every=1", "--resume", run.toString()), run, EVENT_DISK_KIB);
        String out = resumed.output();
        assertEquals(0, resumed.status(), out);
        Path events = onlyEventFile(run);
        assertTrue(out.contains("warning: TensorBoard writer cannot flush " + events + ": IOException (No space left on"
                + " device); events are dropped and a new file is tried every 10000 ms\n"), out);
        assertEquals(1, out.split("warning: TensorBoard writer", -1).length - 1, "one warning for the failure: " + out);
        java.util.regex.Matcher dropped = java.util.regex.Pattern.compile("warning: (\\d+) TensorBoard events were dropped,"
                + " so the event files in " + java.util.regex.Pattern.quote(run.toString()) + " miss some steps \\(the first"
                + " problem was reported above\\)\n").matcher(out);
        assertTrue(dropped.find(), out);
        assertTrue(Integer.parseInt(dropped.group(1)) >= STEPS - 4, "steps 5..12 at least: " + dropped.group(1));
        assertFalse(out.contains("Exception:") || out.contains("\tat "), out);
        assertTrue(out.contains("step " + STEPS + "/" + STEPS + " "), out);
        // training went on: every checkpoint was written, and the run ends where the reference does
        for (long step = 4; step <= STEPS; step++) {
            CheckpointReader.verify(checkpoint(run, step));
        }
        assertFinalStateLikeReference(run, "event files on a full disk");
        assertEventFileFilledTheDisk(events);
    }

    @Test
    void aFullDiskForEventFilesStopsTheRunCleanlyWithFailOnError() throws Exception {
        String name = "events-full-stop";
        Path run = referenceAtStep3(name);
        ScaleProcess.Finished resumed = ScaleProcess.runWithNewFilesOnASmallDisk(work, train(name, "--set",
                "checkpoint.every=1", "--set", "tensorboard.fail_on_error=true", "--resume", run.toString()), run,
                EVENT_DISK_KIB);
        String out = resumed.output();
        assertEquals(2, resumed.status(), out);
        Path events = onlyEventFile(run);
        java.util.regex.Matcher stop = java.util.regex.Pattern.compile("(?m)^error: TensorBoard writer cannot flush "
                + java.util.regex.Pattern.quote(events.toString()) + ": IOException \\(No space left on device\\); the"
                + " writer has stopped\\. Training stopped \\(tensorboard\\.fail_on_error: true\\)\\. The last good"
                + " checkpoint is (\\S+\\.ckpt); free space, then continue with --resume "
                + java.util.regex.Pattern.quote(run.toString()) + " \\(or set tensorboard\\.fail_on_error: false to train"
                + " on without event files\\)\\.$").matcher(out);
        assertTrue(stop.find(), out);
        assertFalse(out.contains("Exception:") || out.contains("\tat ") || out.contains("internal error"), out);
        // the named checkpoint is the newest, complete and valid; no temp file is left
        Path lastGood = Path.of(stop.group(1));
        CheckpointReader.verify(lastGood);
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(lastGood.getFileName().toString(), names.get(names.size() - 1), names.toString());
            assertTrue(names.stream().allMatch(n -> n.endsWith(".ckpt")), names.toString());
        }
        assertTrue(CheckpointStore.stepOf(lastGood) < STEPS, lastGood.toString());
        assertEventFileFilledTheDisk(events);
        // with space again, the run continues to the reference's end
        ScaleProcess.Finished again = ScaleProcess.run(work, train(name, "--resume", run.toString()));
        assertEquals(0, again.status(), again.output());
        assertFinalStateLikeReference(run, "after a full disk for event files");
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
