package org.scale4j.training.loop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into a clean stop: the JVM runs shutdown hooks on both, so a hook asks
 * the loop to stop and waits (bounded) until the loop has written its checkpoint and returned.
 */
public final class StopSignal implements AutoCloseable {

    private final Thread hook;
    private final CountDownLatch loopDone = new CountDownLatch(1);
    private volatile boolean requested;

    private StopSignal(long graceSeconds) {
        hook = new Thread(() -> {
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

    /** Tells a waiting hook that the loop is done, and removes the hook when no signal came. */
    @Override
    public void close() {
        loopDone.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
