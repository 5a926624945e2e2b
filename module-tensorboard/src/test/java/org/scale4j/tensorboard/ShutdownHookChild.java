package org.scale4j.tensorboard;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link EventWriterBehaviourTest}: adds events and exits without closing
 * the writer, so only the shutdown hook can write them out.
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
        System.exit(0);
    }
}
