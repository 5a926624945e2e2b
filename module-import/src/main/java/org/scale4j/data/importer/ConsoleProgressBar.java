package org.scale4j.data.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar: {@code [#####.....]  42%  12,345 items  310.2 items/s  ETA 0:01:07},
 * redrawn with a carriage return at most every {@code intervalMillis}. The ETA extrapolates the
 * byte rate over the input bytes still to read (item counts are not known ahead).
 */
public final class ConsoleProgressBar implements ImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long intervalNanos;
    private long lastDraw = Long.MIN_VALUE;

    /** A bar on {@code out}, redrawn at most every {@code intervalMillis}. */
    public ConsoleProgressBar(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public synchronized void update(long items, long bytesDone, long bytesTotal, Duration elapsed) {
        long now = System.nanoTime();
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < intervalNanos) {
            return;
        }
        lastDraw = now;
        out.print('\r' + render(items, bytesDone, bytesTotal, elapsed));
        out.flush();
    }

    @Override
    public synchronized void done(long items, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        out.print(String.format(Locale.ROOT, "\r%s  done in %s (%.1f items/s)%n",
                bar(1.0) + String.format(Locale.ROOT, " %,d items", items), clock(seconds), items / seconds));
        out.flush();
    }

    /** The bar's text for the given state (no carriage return). */
    public static String render(long items, long bytesDone, long bytesTotal, Duration elapsed) {
        double fraction = bytesTotal <= 0 ? 0 : Math.min(1.0, (double) bytesDone / bytesTotal);
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? items / seconds : 0;
        String eta = fraction > 0 && seconds > 0 ? clock(seconds * (1 - fraction) / fraction) : "?";
        return String.format(Locale.ROOT, "%s %3d%%  %,d items  %.1f items/s  ETA %s", bar(fraction),
                (int) Math.floor(fraction * 100), items, rate, eta);
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(fraction * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
