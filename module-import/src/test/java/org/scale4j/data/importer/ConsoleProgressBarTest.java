package org.scale4j.data.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

    @Test
    void rendersRateAndEtaFromBytes() {
        assertEquals("[###############...............]  50%  1,234 items  123.4 items/s  ETA 0:00:10",
                ConsoleProgressBar.render(1234, 500, 1000, Duration.ofSeconds(10)));
        assertEquals("[..............................]   0%  0 items  0.0 items/s  ETA ?",
                ConsoleProgressBar.render(0, 0, 1000, Duration.ZERO));
        assertEquals("[######........................]  20%  100 items  0.1 items/s  ETA 1:06:40",
                ConsoleProgressBar.render(100, 200, 1000, Duration.ofSeconds(1000)));
    }

    @Test
    void throttlesRedrawsAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar bar = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 60_000);
        bar.update(1, 10, 100, Duration.ofSeconds(1));
        bar.update(2, 20, 100, Duration.ofSeconds(2)); // within the interval: not drawn
        bar.done(4, Duration.ofSeconds(2));
        assertEquals("\r[###...........................]  10%  1 items  1.0 items/s  ETA 0:00:09"
                + "\r[##############################] 4 items  done in 0:00:02 (2.0 items/s)" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
