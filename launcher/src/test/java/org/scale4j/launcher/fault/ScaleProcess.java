package org.scale4j.launcher.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code ./scale4j ARGS} as a child process (standard output and error merged into a log file:
 * {@link Process#destroy()} closes the pipes, and the output after a SIGTERM matters), started in a
 * working directory with the reactor's classes ({@code SCALE4J_NO_BUILD=1}) and the JDK of the
 * tests, so that it can be killed with real signals: {@link Process#destroy()} is SIGTERM and
 * {@link Process#destroyForcibly()} is SIGKILL on Linux.
 */
final class ScaleProcess {

    /** How long one tiny training may take on a busy 2-core CI machine. */
    static final long TIMEOUT_SECONDS = 180;

    private final Process process;
    private final Path log;
    private int consumed;

    private ScaleProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code ./scale4j args...} in {@code workDir}. */
    static ScaleProcess start(Path workDir, List<String> args) throws IOException {
        return start(workDir, args, 0);
    }

    /**
     * Starts {@code ./scale4j args...} in {@code workDir}; with {@code fileSizeLimitKib > 0} under
     * {@code ulimit -f} (RLIMIT_FSIZE): a write that would grow any file beyond the limit fails with
     * EFBIG ("File too large"; the JVM ignores SIGXFSZ), the same failed write a full disk gives.
     */
    static ScaleProcess start(Path workDir, List<String> args, long fileSizeLimitKib) throws IOException {
        return start(workDir, args, fileSizeLimitKib > 0
                ? List.of("bash", "-c", "ulimit -f " + fileSizeLimitKib + " && exec \"$0\" \"$@\"")
                : List.of());
    }

    /**
     * Runs {@code ./scale4j args...} to its end with the new files of {@code runDir} (an existing
     * run directory; in practice its event files) on a tmpfs of {@code diskKib} KiB, while its
     * checkpoints and log stay on the real disk: a write past the tmpfs's size fails with ENOSPC
     * ("No space left on device"), a real full disk. The tmpfs lives in a private mount namespace
     * ({@code unshare --user --map-root-user --mount}, no root needed); {@code fault/small-disk.sh}
     * sets it up and copies the event files back to {@code runDir} afterwards.
     */
    static Finished runWithNewFilesOnASmallDisk(Path workDir, List<String> args, Path runDir, int diskKib)
            throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/fault/small-disk.sh").toAbsolutePath();
        Path hold = Files.createTempDirectory(workDir, "real-run-");
        ScaleProcess p = start(workDir, args, List.of("unshare", "--user", "--map-root-user", "--mount", "bash",
                script.toString(), runDir.toString(), hold.toString(), Integer.toString(diskKib)));
        int status = p.finish();
        String output = p.output();
        if (status != 0 && output.startsWith("unshare:")) {
            // The machine forbids unprivileged user namespaces: say so rather than fail on an exit code.
            throw new AssertionError("this test needs unprivileged user namespaces to mount a small tmpfs without "
                    + "root (`unshare --user --map-root-user --mount`), and this machine refuses them: " + output.strip()
                    + ". Allow them (on Ubuntu 24.04: sysctl kernel.apparmor_restrict_unprivileged_userns=0), or leave "
                    + "this test out with -Dtest='!EventFileDiskFullTest' -Dsurefire.failIfNoSpecifiedTests=false");
        }
        return new Finished(status, output);
    }

    /** Starts {@code prefix... ./scale4j args...} in {@code workDir}. */
    private static ScaleProcess start(Path workDir, List<String> args, List<String> prefix) throws IOException {
        Path root = Path.of(System.getProperty("scale4j.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(prefix);
        command.add(root.resolve("scale4j").toString());
        command.addAll(args);
        Path log = Files.createTempFile(workDir, "scale4j-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SCALE4J_NO_BUILD", "1");
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().remove("CI"); // plain progress lines, one per step, whatever runs the tests
        Process process = builder.start();
        process.getOutputStream().close();
        return new ScaleProcess(process, log);
    }

    /** Waits (polling the log) until a complete line matches; fails when the process ends first. */
    String awaitLine(Predicate<String> wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            boolean alive = process.isAlive();
            String text = output();
            int end;
            while ((end = text.indexOf('\n', consumed)) >= 0) {
                String line = text.substring(consumed, end);
                consumed = end + 1;
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!alive) {
                throw new AssertionError("the process ended before the expected line; output:\n" + text);
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new AssertionError("no expected line in " + TIMEOUT_SECONDS + " s; output:\n" + output());
    }

    /** Waits for the exit status. */
    int finish() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scale4j did not finish in " + TIMEOUT_SECONDS + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Whether the process is still running. */
    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM: the shutdown hook asks the loop to checkpoint and stop. */
    void terminate() {
        process.destroy();
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code ./scale4j args...} to its end. */
    static Finished run(Path workDir, List<String> args) throws IOException, InterruptedException {
        return run(workDir, args, 0);
    }

    /** Runs {@code ./scale4j args...} to its end under a file-size limit (see {@link #start(Path, List, long)}). */
    static Finished run(Path workDir, List<String> args, long fileSizeLimitKib) throws IOException, InterruptedException {
        ScaleProcess p = start(workDir, args, fileSizeLimitKib);
        int status = p.finish();
        return new Finished(status, p.output());
    }

    /** An ended process. */
    record Finished(int status, String output) {
    }
}
