package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.scale4j.training.checkpoint.CheckpointReader;

/**
 * The shared fixture of the process-level fault tests ({@link ProcessFaultTest},
 * {@link TornCheckpointWriteTest}, {@link EventFileDiskFullTest}): the tiny recipe, one
 * uninterrupted reference run of it, trained once per test JVM by {@link #trainOnce()}, and the
 * checks that compare a faulted run with it. Every run lives in one working directory,
 * {@link #WORK}, removed when the JVM exits; each test names its runs ({@code run.name}).
 */
final class ReferenceRun {

    static final Path RECIPE = Path.of("src/test/resources/fault/tiny.yaml").toAbsolutePath();
    static final int STEPS = 12;
    static final Path WORK = createWorkDirectory();

    static Map<String, byte[]> referenceState;
    static SortedMap<Long, Double> referenceLosses;
    static SortedMap<Long, String> referenceSchedule;

    private ReferenceRun() {
    }

    /** Trains the reference run (run name {@code reference}) the first time it is called. */
    static synchronized void trainOnce() throws IOException, InterruptedException {
        if (referenceState != null) {
            return;
        }
        ScaleProcess.Finished reference = ScaleProcess.run(WORK, train("reference"));
        assertEquals(0, reference.status(), reference.output());
        referenceLosses = losses(runDir("reference"));
        referenceSchedule = schedule(runDir("reference"));
        assertEquals(STEPS, referenceSchedule.size(), "one line per step");
        referenceState = state(checkpoint(runDir("reference"), STEPS));
    }

    static List<String> train(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--set", "run.name=" + name));
        args.addAll(List.of(extra));
        return args;
    }

    static Path runDir(String name) {
        return WORK.resolve("runs").resolve(name).resolve("version_0");
    }

    static Path checkpoint(Path run, long step) {
        return run.resolve("checkpoints").resolve(String.format("step-%09d.ckpt", step));
    }

    /** The parameters and every piece of optimizer state of a checkpoint (not its time-stamped meta). */
    static Map<String, byte[]> state(Path checkpoint) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(CheckpointReader.readAll(checkpoint));
        entries.keySet().removeIf(k -> !k.equals("parameters") && !k.startsWith("state/"));
        return entries;
    }

    /**
     * {@code loss/total} per step from the run's event files, oldest file first, so that steps a
     * resumed process re-did after a kill take the value the resumed process logged.
     */
    static SortedMap<Long, Double> losses(Path run) throws IOException {
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
    static SortedMap<Long, String> schedule(Path run) throws IOException {
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
    static void assertResumedLikeReference(String name, String context) throws IOException {
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
    static void assertFinalStateLikeReference(Path run, String context) throws IOException {
        CheckpointReader.verify(checkpoint(run, STEPS));
        Map<String, byte[]> resumedState = state(checkpoint(run, STEPS));
        assertEquals(referenceState.keySet(), resumedState.keySet(), context);
        for (Map.Entry<String, byte[]> e : referenceState.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), resumedState.get(e.getKey())),
                    context + ": checkpoint entry " + e.getKey() + " differs from the uninterrupted run");
        }
    }

    /** A copy of a run directory, file times kept. */
    static void copyTree(Path from, Path to) throws IOException {
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

    private static Path createWorkDirectory() {
        try {
            Path dir = Files.createTempDirectory("scale4j-faults-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "scale4j-faults-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
