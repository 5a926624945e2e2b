package org.scale4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.tensorboard.reader.EventFile;
import org.scale4j.tensorboard.reader.EventFileReader;

/** The background queue, flushing, the shutdown hook and I/O failure handling. */
class EventWriterBehaviourTest {

    @TempDir
    Path tmp;

    private final List<EventWriterException> reports = Collections.synchronizedList(new ArrayList<>());

    private EventWriter.Builder builder(Path dir) {
        return EventWriter.builder().setLogDir(dir).optShutdownHook(false).optErrorHandler(reports::add);
    }

    @Test
    void closeWritesEverythingQueued() throws IOException {
        Path dir = tmp.resolve("run");
        EventWriter w = builder(dir).optFlushInterval(Duration.ofHours(1)).optQueueCapacity(64)
                .optPutTimeout(Duration.ofSeconds(30)).build();
        for (int step = 0; step < 20_000; step++) {
            w.addScalar("loss", step * 0.25, step);
        }
        w.close();
        assertEquals(0, w.droppedEvents());
        EventFile file = EventFileReader.read(TfRecords.onlyEventFile(dir));
        assertTrue(file.isClean());
        assertEquals(20_001, file.events().size());
        SortedMap<Long, Double> loss = file.scalars("loss");
        for (long step = 0; step < 20_000; step++) {
            assertEquals(step * 0.25f, loss.get(step), 0.0, "step " + step);
        }
        assertTrue(reports.isEmpty(), () -> "reports: " + reports);
    }

    @Test
    void flushMakesEventsVisibleBeforeClose() throws IOException {
        Path dir = tmp.resolve("run");
        try (EventWriter w = builder(dir).optFlushInterval(Duration.ofHours(1)).build()) {
            for (int step = 1; step <= 10; step++) {
                w.addScalar("acc", step / 10.0, step);
            }
            w.flush();
            EventFile file = EventFileReader.read(TfRecords.onlyEventFile(dir));
            assertEquals(11, file.events().size());
            assertEquals(1.0f, file.scalars("acc").get(10L), 0.0);
        }
    }

    @Test
    void unwritableDirectoryIsReportedOnceAndAddsDoNotThrow() throws IOException, InterruptedException {
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path dir = blocker.resolve("run");
        EventWriter w = builder(dir).optFlushInterval(Duration.ofMillis(5)).build();
        for (int step = 0; step < 40; step++) {
            w.addScalar("loss", step, step); // spread over several retry intervals
            Thread.sleep(1);
        }
        w.addText("notes", "lost", 40);
        w.flush();
        w.close();
        assertEquals(41, w.droppedEvents());
        assertEquals(1, reports.size(), () -> "reports: " + reports);
        String message = reports.get(0).getMessage();
        assertTrue(message.startsWith("TensorBoard writer cannot write " + dir + ": "), message);
        assertTrue(message.endsWith("; events are dropped and a new file is tried every 5 ms"), message);
        assertTrue(reports.get(0).getCause() instanceof IOException);
    }

    @Test
    void failOnErrorThrowsFromTheNextCall() throws InterruptedException {
        Path dir = Path.of(tmp.toString(), "blocked");
        Path blocker = dir;
        try {
            Files.writeString(blocker, "x");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CountDownLatch reported = new CountDownLatch(1);
        EventWriter w = EventWriter.builder().setLogDir(blocker.resolve("run")).optShutdownHook(false).optFailOnError(true)
                .optErrorHandler(e -> reported.countDown()).build();
        w.addScalar("loss", 1, 1);
        assertTrue(reported.await(10, TimeUnit.SECONDS));
        EventWriterException thrown = assertThrows(EventWriterException.class, () -> w.addScalar("loss", 2, 2));
        assertTrue(thrown.getMessage().startsWith("TensorBoard writer cannot write " + blocker.resolve("run") + ": "),
                thrown.getMessage());
        assertTrue(thrown.getMessage().endsWith("; the writer has stopped"), thrown.getMessage());
        assertThrows(EventWriterException.class, () -> w.addHistogram("h", new float[] {1}, 2));
        assertThrows(EventWriterException.class, w::close);
    }

    @Test
    void fullQueueDropsAndCountsWithoutWaitingLongerThanThePutTimeout() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventWriter w = EventWriter.builder().setLogDir(blocker.resolve("run")).optShutdownHook(false)
                .optQueueCapacity(2).optPutTimeout(Duration.ZERO).optFlushInterval(Duration.ofHours(1))
                .optErrorHandler(e -> {
                    reports.add(e);
                    if (Thread.currentThread().getName().startsWith("scale4j-tensorboard-writer")) {
                        writerStuck.countDown();
                        awaitQuietly(release); // hold the writer thread so the queue fills up
                    }
                }).build();
        w.addScalar("a", 0, 0);
        assertTrue(writerStuck.await(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        for (int step = 1; step <= 10; step++) {
            w.addScalar("a", step, step);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs < 1000, "10 adds to a full queue took " + elapsedMs + " ms");
        assertEquals(8, w.droppedEvents(), "2 queued, 8 dropped");
        release.countDown();
        w.close();
        // the first event and the 2 queued ones fail on the blocked directory (no retry within the hour)
        assertEquals(11, w.droppedEvents());
        assertEquals(2, reports.size(), () -> "reports: " + reports);
        assertTrue(reports.stream().anyMatch(e -> e.getMessage().equals("TensorBoard writer for " + blocker.resolve("run")
                + ": queue full (2 events), events are dropped; droppedEvents() counts them. Raise optQueueCapacity "
                + "or optPutTimeout if the disk is slow")), () -> "reports: " + reports);
    }

    @Test
    void queuedImageBytesAreBounded() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventWriter w = EventWriter.builder().setLogDir(blocker.resolve("run")).optShutdownHook(false)
                .optQueueCapacity(10).optMaxQueuedBytes(100).optFlushInterval(Duration.ofHours(1))
                .optErrorHandler(e -> {
                    reports.add(e);
                    if (Thread.currentThread().getName().startsWith("scale4j-tensorboard-writer")) {
                        writerStuck.countDown();
                        awaitQuietly(release);
                    }
                }).build();
        w.addScalar("a", 0, 0);
        assertTrue(writerStuck.await(10, TimeUnit.SECONDS));
        Image image = Image.rgb(4, 4, new byte[48]);
        w.addImage("img", image, 1); // 48 bytes queued
        w.addImage("img", image, 2); // 96 bytes queued
        w.addImage("img", image, 3); // would be 144 > 100: dropped
        assertEquals(1, w.droppedEvents());
        assertTrue(reports.stream().anyMatch(e -> e.getMessage().equals("TensorBoard writer for " + blocker.resolve("run")
                + ": queued images and embeddings exceed 100 bytes, events are dropped; droppedEvents() counts them. "
                + "Add them less often or raise optMaxQueuedBytes")), () -> "reports: " + reports);
        release.countDown();
        w.close();
    }

    @Test
    void aPayloadLargerThanTheBudgetPassesWhenNothingWaits() throws IOException {
        Path dir = tmp.resolve("run");
        try (EventWriter w = builder(dir).optMaxQueuedBytes(10).build()) {
            w.addImage("big", Image.rgb(4, 4, new byte[48]), 1);
            w.flush();
            w.addImage("big", Image.rgb(4, 4, new byte[48]), 2);
        }
        EventFile file = EventFileReader.read(TfRecords.onlyEventFile(dir));
        assertEquals(2, file.values("big").size());
    }

    @Test
    void putTimeoutBoundsTheWait() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventWriter w = EventWriter.builder().setLogDir(blocker.resolve("run")).optShutdownHook(false)
                .optQueueCapacity(1).optPutTimeout(Duration.ofMillis(50))
                .optErrorHandler(e -> {
                    if (Thread.currentThread().getName().startsWith("scale4j-tensorboard-writer")) {
                        writerStuck.countDown();
                        awaitQuietly(release);
                    }
                }).build();
        w.addScalar("a", 0, 0);
        assertTrue(writerStuck.await(10, TimeUnit.SECONDS));
        w.addScalar("a", 1, 1); // fills the queue
        long start = System.nanoTime();
        w.addScalar("a", 2, 2);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs >= 45 && elapsedMs < 2000, "waited " + elapsedMs + " ms for a 50 ms put timeout");
        assertEquals(1, w.droppedEvents());
        release.countDown();
        w.close();
    }

    @Test
    void removedRunDirectoryIsReportedAndWritingGoesOnInANewFile() throws Exception {
        Path dir = tmp.resolve("run");
        CountDownLatch reported = new CountDownLatch(1);
        try (EventWriter w = builder(dir).optFlushInterval(Duration.ofMillis(20))
                .optErrorHandler(e -> {
                    reports.add(e);
                    reported.countDown();
                }).build()) {
            w.addScalar("loss", 1, 1);
            w.flush();
            Path first = TfRecords.onlyEventFile(dir);
            deleteRecursively(dir);
            assertTrue(reported.await(10, TimeUnit.SECONDS), "removal noticed within a few flush intervals");
            assertEquals("TensorBoard event file " + first + " was removed while it was written; later events go to a new file in "
                    + dir, reports.get(0).getMessage());
            w.addScalar("loss", 2, 2);
        }
        EventFile file = EventFileReader.read(TfRecords.onlyEventFile(dir));
        assertEquals("brain.Event:2", file.events().get(0).fileVersion());
        assertEquals(Map.of(2L, 2.0), file.scalars("loss"));
        assertEquals(1, reports.size());
    }

    @Test
    void shutdownHookWritesEventsOfAnUnclosedWriter() throws Exception {
        EventFile file = runShutdownHookChild(tmp.resolve("child-run"), "5000");
        assertEquals(5000, file.scalars("x").size());
        assertEquals(4999.0, file.scalars("x").get(4999L));
    }

    @Test
    void theShutdownHookOnlyFlushesSoAnOwnerFinishingInAnotherHookKeepsItsLastEvent() throws Exception {
        EventFile file = runShutdownHookChild(tmp.resolve("late-run"), "100", "late");
        assertEquals(101, file.scalars("x").size(), "the event the owner added after the writer's hook ran is written");
        assertEquals(100.0, file.scalars("x").get(100L));
    }

    /**
     * Runs {@link ShutdownHookChild} writing into {@code dir} in a JVM of its own, which must exit
     * 0, and returns its event file, which must read clean.
     */
    private EventFile runShutdownHookChild(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPathOfThisModule()),
                ShutdownHookChild.class.getName(), dir.toString()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.exitValue(), output);
        EventFile file = EventFileReader.read(TfRecords.onlyEventFile(dir));
        assertTrue(file.isClean(), () -> file.problems().toString());
        return file;
    }

    @Test
    void closeRemovesTheShutdownHookAndLaterAddsAreDropped() {
        EventWriter w = EventWriter.builder().setLogDir(tmp.resolve("run")).build();
        Thread hook = w.shutdownHook();
        w.close();
        assertFalse(Runtime.getRuntime().removeShutdownHook(hook), "close already removed the hook");
        w.addScalar("late", 1, 1);
        w.close();
        assertEquals(1, w.droppedEvents());
    }

    @Test
    void builderAndArgumentErrorsSayWhatToDo() {
        IllegalStateException noDir = assertThrows(IllegalStateException.class, () -> EventWriter.builder().build());
        assertEquals("EventWriter needs a log directory: call setLogDir(path)", noDir.getMessage());
        try (EventWriter w = builder(tmp.resolve("run")).build()) {
            assertEquals("TensorBoard tag must not be blank, got ' '",
                    assertThrows(IllegalArgumentException.class, () -> w.addScalar(" ", 1, 1)).getMessage());
            assertEquals("histogram 'h' needs at least one value",
                    assertThrows(IllegalArgumentException.class, () -> w.addHistogram("h", new float[0], 1)).getMessage());
            assertEquals("hparams session of " + tmp.resolve("run") + " was not started; call addHparamsSessionStart first",
                    assertThrows(IllegalStateException.class,
                            () -> w.addHparamsSessionEnd(SessionStatus.SUCCESS, List.of(), 1)).getMessage());
            w.addHparamsSessionStart(Map.of("lr", 0.1));
            w.addScalar("loss", 1, 1);
            assertEquals("hparams metric tags [eval/acc] were never written as scalars to " + tmp.resolve("run")
                            + ", so TensorBoard would show no value; scalar tags written: [loss]",
                    assertThrows(IllegalArgumentException.class,
                            () -> w.addHparamsSessionEnd(SessionStatus.SUCCESS, List.of("eval/acc"), 1)).getMessage());
            assertEquals("hparams session of " + tmp.resolve("run") + " was already started",
                    assertThrows(IllegalStateException.class, () -> w.addHparamsSessionStart(Map.of("lr", 0.2))).getMessage());
        }
    }

    private static List<String> classPathOfThisModule() {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        assertTrue(Files.isDirectory(testClasses), "tests run from the module directory: " + testClasses);
        entries.add(testClasses.toString());
        return entries;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
