package org.scale4j.tensorboard;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link EventWriterBehaviourTest}: adds events and exits without closing
 * the writer, so only the shutdown hook can write them out. With a third argument {@code late},
 * an owner hook (like a training loop finishing its last step after SIGTERM) waits until the
 * writer's own hook has flushed, then adds one more event at step {@code n} and closes the writer.
 */
public final class ShutdownHookChild {

    private ShutdownHookChild() {
    }

    public static void main(String[] args) {
        EventWriter w = EventWriter.builder().setLogDir(Path.of(args[0])).optFlushInterval(Duration.ofHours(1))
                .optQueueCapacity(100_000).build();
        int n = Integer.parseInt(args[1]);
        for (int step = 0; step < n; step++) {
            w.addScalar("x", step, step);
        }
        if (args.length > 2 && args[2].equals("late")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    w.shutdownHook().join(); // the writer's hook has run: an earlier version closed the writer here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                w.addScalar("x", n, n);
                w.close();
            }));
        }
        System.exit(0);
    }
}
