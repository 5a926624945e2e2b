package org.scale4j.training.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scale4j.training.eval.report.EvalReport;

/**
 * The headline of a before/after evaluation (the untrained initialisation against the trained
 * model): how far training moved coarse retrieval mAP@1, by dot product (the paper's protocol,
 * spec 3.3) and by cosine, and clustering NMI, all on the {@code all} combination (the sum of
 * every modality's fused summary). Values are the reports' fractions; the text shows them ×100.
 *
 * @param before the run name of the baseline report
 * @param after the run name of the compared report
 * @param lines one line per headline metric both reports have, in a fixed order
 */
public record EvaluationVerdict(String before, String after, List<Line> lines) {

    /**
     * One headline metric.
     *
     * @param label what it measures, for people
     * @param before the baseline's value (a fraction)
     * @param after the compared run's value (a fraction)
     */
    public record Line(String label, double before, double after) {

        /** Whether the compared run is strictly better (all headline metrics grow with quality). */
        public boolean improved() {
            return after > before;
        }
    }

    private static final List<String[]> HEADLINES = List.of(
            new String[] {"coarse retrieval mAP@1 (dot)", "retrieval-coarse/all/dot", "mAP@1"},
            new String[] {"coarse retrieval mAP@1 (cosine)", "retrieval-coarse/all/cosine", "mAP@1"},
            new String[] {"clustering NMI", "clustering/all", "nmi"});

    public EvaluationVerdict {
        lines = List.copyOf(lines);
    }

    /** The headline metrics present in both reports (none when either lacks the {@code all} rows). */
    public static EvaluationVerdict of(EvalReport before, EvalReport after) {
        List<Line> lines = new ArrayList<>();
        for (String[] h : HEADLINES) {
            Double b = metric(before, h[1], h[2]);
            Double a = metric(after, h[1], h[2]);
            if (b != null && a != null) {
                lines.add(new Line(h[0], b, a));
            }
        }
        return new EvaluationVerdict(before.run(), after.run(), lines);
    }

    /** Whether every headline metric improved (false when there is none). */
    public boolean allImproved() {
        return !lines.isEmpty() && lines.stream().allMatch(Line::improved);
    }

    /**
     * Plain text, one metric a line, e.g.
     * {@code   coarse retrieval mAP@1 (dot)       41.35 -> 63.46   +22.12}, then the conclusion.
     */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("verdict, all modalities summed (").append(after).append(" vs ").append(before).append("):\n");
        for (Line line : lines) {
            s.append(String.format(Locale.ROOT, "  %-32s %6.2f -> %6.2f  %+7.2f%n", line.label(), 100 * line.before(),
                    100 * line.after(), 100 * (line.after() - line.before())));
        }
        s.append(lines.isEmpty() ? "  (no headline metrics to compare)"
                : allImproved() ? "  " + after + " beats " + before + " on every headline metric"
                : "  " + after + " does NOT beat " + before + " on every headline metric");
        return s.toString();
    }

    /** The same as a Markdown section. */
    public String renderMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("## Verdict\n\n").append("All modalities summed, `").append(after).append("` against `").append(before)
                .append("` (×100):\n\n| metric | ").append(before).append(" | ").append(after)
                .append(" | change |\n|---|---:|---:|---:|\n");
        for (Line line : lines) {
            s.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n", line.label(), 100 * line.before(),
                    100 * line.after(), 100 * (line.after() - line.before())));
        }
        s.append('\n').append(lines.isEmpty() ? "No headline metrics to compare."
                : allImproved() ? "`" + after + "` beats `" + before + "` on every headline metric."
                : "`" + after + "` does **not** beat `" + before + "` on every headline metric.").append('\n');
        return s.toString();
    }

    private static Double metric(EvalReport report, String task, String name) {
        Map<String, Double> metrics = report.tasks().get(task);
        Double v = metrics == null ? null : metrics.get(name);
        return v == null || v.isNaN() ? null : v;
    }
}
