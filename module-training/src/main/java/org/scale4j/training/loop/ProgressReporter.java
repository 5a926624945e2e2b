package org.scale4j.training.loop;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Step progress for people: a single self-rewriting bar on a terminal, plain periodic lines
 * otherwise (CI logs, pipes, files), so that logs stay readable.
 *
 * <pre>
 * [#########...........]  120/300  40%  loss 3.412  48.2 samples/s  ETA 1m12s
 * step 120/300 loss 3.412 lr 2.9e-04 48.2 samples/s ETA 1m12s
 * </pre>
 */
public final class ProgressReporter {

    private static final int BAR = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final long totalSteps;
    private final long lineEvery;
    private final long startNanos = System.nanoTime();
    private final long firstStep;
    private boolean barDrawn;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is an interactive terminal
     * @param firstStep the step the run starts from (after a resume, its checkpoint's step)
     * @param totalSteps the last step
     * @param lineEvery how often a plain line is printed when not on a terminal
     */
    public ProgressReporter(PrintStream out, boolean terminal, long firstStep, long totalSteps, long lineEvery) {
        this.out = out;
        this.terminal = terminal;
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.lineEvery = Math.max(1, lineEvery);
    }

    /** Whether standard output is a terminal (and not a pipe, a file or CI). */
    public static boolean stdoutIsTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /** Reports a finished step. */
    public void step(long step, double loss, double learningRate, double samplesPerSecond) {
        String eta = eta(step);
        if (terminal) {
            int filled = (int) (BAR * step / Math.max(1, totalSteps));
            out.printf(Locale.ROOT, "\r[%s%s] %5d/%d %3d%%  loss %.4f  %.1f samples/s  ETA %s ",
                    "#".repeat(filled), ".".repeat(BAR - filled), step, totalSteps, 100 * step / Math.max(1, totalSteps),
                    loss, samplesPerSecond, eta);
            out.flush();
            barDrawn = true;
        } else if (step % lineEvery == 0 || step == totalSteps || step == firstStep + 1) {
            out.printf(Locale.ROOT, "step %d/%d loss %.4f lr %.2e %.1f samples/s ETA %s%n",
                    step, totalSteps, loss, learningRate, samplesPerSecond, eta);
        }
    }

    /** Prints a message on its own line without breaking the bar. */
    public void message(String text) {
        if (barDrawn) {
            out.println();
            barDrawn = false;
        }
        out.println(text);
    }

    /** Ends the bar's line. */
    public void finish() {
        if (barDrawn) {
            out.println();
            barDrawn = false;
        }
    }

    private String eta(long step) {
        long done = step - firstStep;
        if (done <= 0) {
            return "?";
        }
        double perStep = (System.nanoTime() - startNanos) / (double) done;
        return format(Duration.ofNanos((long) (perStep * (totalSteps - step))));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
