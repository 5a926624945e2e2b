package org.scale4j.training.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several {@link EvalReport}s side by side: one row per (task, metric) present in any run, in first-seen order,
 * one column per run ({@code -} where a run lacks the metric), and beneath it the configuration keys whose values
 * differ between runs.
 */
public final class ReportComparison {

    private final List<EvalReport> runs;

    /** Compares {@code runs} (at least one), in the given column order. */
    public ReportComparison(List<EvalReport> runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one run");
        }
        this.runs = List.copyOf(runs);
    }

    /** Aligned console text: the metrics table, then the differing settings (if any). */
    public String renderTable(boolean percent) {
        StringBuilder b = new StringBuilder(metrics(percent).console());
        TextTable diff = configDiff();
        if (diff != null) {
            b.append('\n').append("settings that differ:\n").append(diff.console());
        }
        return b.toString();
    }

    /** The same as Markdown. */
    public String renderMarkdown(boolean percent) {
        StringBuilder b = new StringBuilder("# Comparison\n\n").append(metrics(percent).markdown());
        TextTable diff = configDiff();
        if (diff != null) {
            b.append("\n## Settings that differ\n\n").append(diff.markdown());
        }
        return b.toString();
    }

    private List<String> header(String first, String second) {
        List<String> h = new ArrayList<>();
        h.add(first);
        if (second != null) {
            h.add(second);
        }
        for (EvalReport r : runs) {
            h.add(r.run());
        }
        return h;
    }

    private TextTable metrics(boolean percent) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (EvalReport r : runs) {
            r.tasks().forEach((task, m) -> rows.computeIfAbsent(task, t -> new LinkedHashSet<>()).addAll(m.keySet()));
        }
        TextTable t = new TextTable(header("task", "metric"), 2);
        rows.forEach((task, names) -> {
            for (String name : names) {
                List<String> row = new ArrayList<>();
                row.add(task);
                row.add(name);
                for (EvalReport r : runs) {
                    Map<String, Double> m = r.tasks().get(task);
                    row.add(EvalReport.format(name, m == null ? null : m.get(name), percent));
                }
                t.add(row);
            }
        });
        return t;
    }

    private TextTable configDiff() {
        Set<String> keys = new LinkedHashSet<>();
        for (EvalReport r : runs) {
            keys.addAll(r.config().keySet());
        }
        TextTable t = new TextTable(header("setting", null), 1);
        boolean any = false;
        for (String k : keys) {
            Set<String> values = new LinkedHashSet<>();
            List<String> row = new ArrayList<>();
            row.add(k);
            for (EvalReport r : runs) {
                String v = r.config().getOrDefault(k, "-");
                values.add(v);
                row.add(v);
            }
            if (values.size() > 1) {
                t.add(row);
                any = true;
            }
        }
        return any ? t : null;
    }
}
