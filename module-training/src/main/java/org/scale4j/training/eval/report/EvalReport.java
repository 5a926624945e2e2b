package org.scale4j.training.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.scale4j.training.io.AtomicFiles;
import org.scale4j.training.io.Json;

/**
 * The results of one evaluation run: task name to metric name to value, plus the configuration that produced them.
 *
 * <p>Tasks and metrics keep insertion order (tasks such as {@code retrieval-coarse/text+image/dot},
 * {@code classification}, {@code clustering}). Values are stored as computed: rates are fractions in [0, 1]. The
 * renderers can show rates x100 ({@code percent = true}, the paper's convention); a metric is a rate when
 * {@link #isRate} says so (mAP/Prec, accuracy, NMI, purity, ARI), counts such as {@code queries} are never scaled.
 *
 * <p>{@code results.json} layout (version 1):
 * <pre>{@code
 * {"format": "scale4j-eval-results", "version": 1, "run": "...",
 *  "config": {"key": "value", ...},
 *  "tasks": {"task": {"metric": 0.5, ...}, ...}}
 * }</pre>
 *
 * @param run the run's name (never null)
 * @param config settings that produced the numbers, key to value, in insertion order
 * @param tasks task to (metric to value), in insertion order
 */
public record EvalReport(String run, Map<String, String> config, Map<String, Map<String, Double>> tasks) {

    /** The {@code format} field of results.json. */
    public static final String FORMAT = "scale4j-eval-results";
    /** The {@code version} written by this code. */
    public static final int VERSION = 1;
    /** File names written by {@link #writeTo}. */
    public static final String JSON_FILE = "results.json";
    public static final String MARKDOWN_FILE = "results.md";

    public EvalReport {
        Objects.requireNonNull(run, "run");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Map<String, Map<String, Double>> t = new LinkedHashMap<>();
        tasks.forEach((k, v) -> t.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        tasks = Collections.unmodifiableMap(t);
    }

    /** Starts a report for {@code run}. */
    public static Builder builder(String run) {
        return new Builder(run);
    }

    /** Collects config entries and metrics in order. */
    public static final class Builder {
        private final String run;
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> tasks = new LinkedHashMap<>();

        private Builder(String run) {
            this.run = run;
        }

        /** Adds (or replaces) one config entry. */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** Adds all entries. */
        public Builder config(Map<String, String> entries) {
            config.putAll(entries);
            return this;
        }

        /** Adds one metric to a task (created on first use). */
        public Builder metric(String task, String name, double value) {
            tasks.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Adds all metrics of a task, in the map's order. */
        public Builder metrics(String task, Map<String, Double> values) {
            tasks.computeIfAbsent(task, t -> new LinkedHashMap<>()).putAll(values);
            return this;
        }

        public EvalReport build() {
            return new EvalReport(run, config, tasks);
        }
    }

    /** Whether {@code metric} is a rate in [0, 1] that the percent view multiplies by 100. */
    public static boolean isRate(String metric) {
        return metric.startsWith("mAP@") || metric.startsWith("Prec@") || metric.startsWith("std-mAP@")
                || metric.startsWith("std-Prec@") || metric.equals("accuracy") || metric.equals("train-accuracy")
                || metric.equals("nmi") || metric.equals("purity") || metric.equals("ari");
    }

    /** Formats one value: integers plainly, other values with 4 decimals (2 in the percent view). */
    static String format(String metric, Double value, boolean percent) {
        if (value == null) {
            return "-";
        }
        if (!Double.isFinite(value)) {
            return value.toString();
        }
        boolean rate = isRate(metric);
        double v = percent && rate ? value * 100 : value;
        if (!rate && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, percent && rate ? "%.2f" : "%.4f", v);
    }

    /** An aligned console table: one line per (task, metric). */
    public String renderTable(boolean percent) {
        return table(percent).console();
    }

    /** {@code results.md}: a title, the configuration and one Markdown table of all metrics. */
    public String renderMarkdown(boolean percent) {
        StringBuilder b = new StringBuilder("# Evaluation: ").append(run).append("\n\n");
        if (!config.isEmpty()) {
            TextTable c = new TextTable(List.of("setting", "value"), 2);
            config.forEach((k, v) -> c.add(List.of(k, v)));
            b.append("## Configuration\n\n").append(c.markdown()).append('\n');
        }
        b.append("## Results").append(percent ? " (rates x100)" : "").append("\n\n").append(table(percent).markdown());
        return b.toString();
    }

    private TextTable table(boolean percent) {
        TextTable t = new TextTable(List.of("task", "metric", "value"), 2);
        tasks.forEach((task, metrics) -> metrics.forEach((name, v) -> t.add(List.of(task, name,
                format(name, v, percent)))));
        return t;
    }

    /** The {@code results.json} text (non-finite values become {@code null}). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("run", run);
        root.put("config", config);
        root.put("tasks", tasks);
        return Json.write(root) + "\n";
    }

    /** Parses {@code results.json} text; {@code source} names the file in error messages. */
    public static EvalReport fromJson(String json, String source) {
        Object root = JsonReader.parse(json, source);
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(source + ": expected a JSON object at the top level");
        }
        if (!FORMAT.equals(top.get("format"))) {
            throw new IllegalArgumentException(source + ": not a scale4j results file (format is "
                    + top.get("format") + ", expected \"" + FORMAT + "\")");
        }
        Object version = top.get("version");
        if (!(version instanceof Double d) || d.intValue() != VERSION) {
            throw new IllegalArgumentException(source + ": unsupported results version " + version + " (this build reads "
                    + VERSION + ")");
        }
        Object run = top.get("run");
        if (!(run instanceof String runName)) {
            throw new IllegalArgumentException(source + ": failed to find \"run\" (a string)");
        }
        Builder b = builder(runName);
        if (top.get("config") instanceof Map<?, ?> cfg) {
            cfg.forEach((k, v) -> b.config((String) k, v == null ? "null" : v.toString()));
        } else if (top.containsKey("config")) {
            throw new IllegalArgumentException(source + ": \"config\" must be an object");
        }
        if (!(top.get("tasks") instanceof Map<?, ?> tasks)) {
            throw new IllegalArgumentException(source + ": failed to find \"tasks\" (an object)");
        }
        tasks.forEach((task, metrics) -> {
            if (!(metrics instanceof Map<?, ?> mm)) {
                throw new IllegalArgumentException(source + ": task \"" + task + "\" must be an object of metrics");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            mm.forEach((name, v) -> {
                if (v != null && !(v instanceof Double)) {
                    throw new IllegalArgumentException(source + ": metric \"" + task + "." + name
                            + "\" must be a number or null, got " + v);
                }
                values.put((String) name, v == null ? Double.NaN : (Double) v);
            });
            b.metrics((String) task, values);
        });
        return b.build();
    }

    /** Writes {@code results.json} and {@code results.md} (rates x100 in the Markdown) atomically into {@code dir}. */
    public void writeTo(Path dir) {
        try {
            AtomicFiles.writeString(dir.resolve(JSON_FILE), toJson());
            AtomicFiles.writeString(dir.resolve(MARKDOWN_FILE), renderMarkdown(true));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the evaluation results to " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** Reads a report from {@code results.json}, or from a run directory that contains one. */
    public static EvalReport read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(JSON_FILE) : fileOrDir;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + JSON_FILE + " at " + file
                    + "; run `scale4j eval` on that run first");
        }
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Several runs side by side (for {@code scale4j eval --compare RUN_A RUN_B}). */
    public static ReportComparison compare(List<EvalReport> runs) {
        return new ReportComparison(runs);
    }
}
