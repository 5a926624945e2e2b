package org.scale4j.training.loop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into a clean stop: the JVM runs shutdown hooks on both, so a hook asks
 * the loop to stop and waits (bounded) until the loop has written its checkpoint and returned.
 */
public final class StopSignal implements AutoCloseable {

    /** Whether a SIGINT/SIGTERM reached any stop signal of this JVM. */
    private static volatile boolean signalled;

    private final Thread hook;
    private final CountDownLatch loopDone = new CountDownLatch(1);
    private volatile boolean requested;

    private StopSignal(long graceSeconds) {
        hook = new Thread(() -> {
            signalled = true;
            requested = true;
            try {
                loopDone.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scale4j-stop");
    }

    /** Installs the hook; {@code graceSeconds} bounds how long the JVM waits for the checkpoint. */
    public static StopSignal install(long graceSeconds) {
        StopSignal signal = new StopSignal(graceSeconds);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Whether a stop was asked for. */
    public boolean requested() {
        return requested;
    }

    /** Asks for a stop from inside the JVM (tests, the NaN guard). */
    public void request() {
        requested = true;
    }

    /**
     * Whether a SIGINT/SIGTERM arrived in this JVM. The JVM is then shutting down and would end with
     * status 128 + the signal as soon as the hooks return; {@code System.exit} would block. The
     * launcher therefore ends such a run with {@code Runtime.halt} and its own status (130) once its
     * output is flushed.
     */
    public static boolean signalled() {
        return signalled;
    }

    /**
     * Removes the hook when no signal came. After a signal the hook is left waiting (at most its
     * grace period), so that the JVM does not exit with 128 + the signal before the launcher has
     * printed how to resume and halted with its own status.
     */
    @Override
    public void close() {
        if (!signalled) {
            loopDone.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
