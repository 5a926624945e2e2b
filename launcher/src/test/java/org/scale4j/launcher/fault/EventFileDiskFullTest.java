package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scale4j.launcher.fault.ReferenceRun.STEPS;
import static org.scale4j.launcher.fault.ReferenceRun.WORK;
import static org.scale4j.launcher.fault.ReferenceRun.assertFinalStateLikeReference;
import static org.scale4j.launcher.fault.ReferenceRun.checkpoint;
import static org.scale4j.launcher.fault.ReferenceRun.copyTree;
import static org.scale4j.launcher.fault.ReferenceRun.referenceLosses;
import static org.scale4j.launcher.fault.ReferenceRun.runDir;
import static org.scale4j.launcher.fault.ReferenceRun.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scale4j.training.checkpoint.CheckpointReader;
import org.scale4j.training.checkpoint.CheckpointStore;

/**
 * A full disk for the event files of a real {@code ./scale4j train} process (a tmpfs in a private
 * mount namespace, see {@link ScaleProcess#runWithNewFilesOnASmallDisk}), under both recipe
 * policies: {@code tensorboard.fail_on_error: false} warns once and trains on,
 * {@code true} stops cleanly with the last good checkpoint named.
 */
class EventFileDiskFullTest {

    @BeforeAll
    static void trainTheReference() throws Exception {
        ReferenceRun.trainOnce();
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
        // What reached the disk is the reference's curve from the restored step on, cut before the
        // end; step 4 must be there (if a longer recipe text fills the page first, raise EVENT_DISK_KIB).
        assertTrue(logged.containsKey(4L) && logged.lastKey() < STEPS, "steps in the event file: " + logged.keySet()
                + " (EVENT_DISK_KIB " + EVENT_DISK_KIB + ")");
        assertEquals(referenceLosses.subMap(4L, logged.lastKey() + 1), logged, "loss/total that reached the disk");
    }

    @Test
    void aFullDiskForEventFilesIsOneWarningAndTrainingFinishes() throws Exception {
        String name = "events-full";
        Path run = referenceAtStep3(name);
        ScaleProcess.Finished resumed = ScaleProcess.runWithNewFilesOnASmallDisk(WORK,
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
        // Every event the resumed run produced is either whole in the event file or counted as dropped:
        // the reference's events minus its file header and steps 1..3 (the resume starts at step 4).
        var reference = org.scale4j.tensorboard.reader.EventFileReader.read(onlyEventFile(runDir("reference")));
        long produced = reference.events().stream()
                .filter(e -> e.fileVersion() == null && (e.step() == 0 || e.step() > 3)).count();
        long written = org.scale4j.tensorboard.reader.EventFileReader.read(events).events().stream()
                .filter(e -> e.fileVersion() == null).count();
        assertEquals(produced - written, Long.parseLong(dropped.group(1)), "dropped = produced " + produced
                + " - written " + written);
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
        ScaleProcess.Finished resumed = ScaleProcess.runWithNewFilesOnASmallDisk(WORK, train(name, "--set",
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
        ScaleProcess.Finished again = ScaleProcess.run(WORK, train(name, "--resume", run.toString()));
        assertEquals(0, again.status(), again.output());
        assertFinalStateLikeReference(run, "after a full disk for event files");
    }
}
