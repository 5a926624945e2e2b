package org.scale4j.data.arrow.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code scale4j inspect} found in a healthy dataset.
 *
 * @param path the dataset directory or file
 * @param schema one line per column: {@code name: type}
 * @param rows rows per split
 * @param shards shard files per split
 * @param coverage per modality column, the share of rows where it is not null
 * @param modalityCounts how many rows have 0, 1, ... modalities present (over the modality columns)
 * @param lengths per list or text column, a histogram of lengths (list elements or title words)
 * @param categories rows per category label, most frequent first ({@code name (id)} when names exist)
 */
public record InspectReport(
        String path, List<String> schema, Map<String, Long> rows, Map<String, Integer> shards,
        Map<String, Double> coverage, long[] modalityCounts, Map<String, Histogram> lengths,
        List<Map.Entry<String, Long>> categories) {

    /** A histogram over equal-width integer buckets {@code [lo, hi]}. */
    public record Histogram(long min, long max, long[] lows, long[] counts) {
    }

    /** The total number of rows. */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report as text, for the terminal. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("dataset ").append(path).append('\n');
        sb.append("rows: ").append(totalRows());
        rows.forEach((split, n) -> sb.append("  ").append(split).append(' ').append(n)
                .append(" (").append(shards.get(split)).append(shards.get(split) == 1 ? " shard)" : " shards)"));
        sb.append("\n\nschema:\n");
        schema.forEach(line -> sb.append("  ").append(line).append('\n'));
        sb.append("\nmodality coverage (non-null rows):\n");
        coverage.forEach((column, share) -> sb.append(String.format(Locale.ROOT, "  %-16s %6.1f%%%n", column,
                100 * share)));
        long total = totalRows();
        if (total > 0 && modalityCounts.length > 0) {
            long full = modalityCounts[modalityCounts.length - 1];
            sb.append(String.format(Locale.ROOT, "  missing at least one modality: %.1f%%, exactly one modality: %.1f%%"
                    + ", none: %.1f%%%n", 100.0 * (total - full) / total,
                    modalityCounts.length > 1 ? 100.0 * modalityCounts[1] / total : 0.0,
                    100.0 * modalityCounts[0] / total));
        }
        sb.append("\nlengths (list elements; words for text):\n");
        lengths.forEach((column, h) -> {
            sb.append(String.format(Locale.ROOT, "  %-16s min %d max %d%n", column, h.min(), h.max()));
            long peak = 1;
            for (long c : h.counts()) {
                peak = Math.max(peak, c);
            }
            for (int i = 0; i < h.counts().length; i++) {
                long hi = i + 1 < h.lows().length ? h.lows()[i + 1] - 1 : h.max();
                sb.append(String.format(Locale.ROOT, "    %5d-%-5d %7d %s%n", h.lows()[i], hi, h.counts()[i],
                        "#".repeat((int) (40 * h.counts()[i] / peak))));
            }
        });
        if (!categories.isEmpty()) {
            long labelled = categories.stream().mapToLong(Map.Entry::getValue).sum();
            int k = categories.size();
            int head = Math.max(1, (int) Math.ceil(k * 0.2));
            long headRows = categories.stream().limit(head).mapToLong(Map.Entry::getValue).sum();
            sb.append(String.format(Locale.ROOT, "%ncategories: %d over %d labelled rows; the top 20%% (%d) hold"
                    + " %.1f%% of rows; largest %d, smallest %d rows (ratio %.1f)%n", k, labelled, head,
                    100.0 * headRows / labelled, categories.get(0).getValue(), categories.get(k - 1).getValue(),
                    (double) categories.get(0).getValue() / categories.get(k - 1).getValue()));
            categories.stream().limit(10).forEach(e -> sb.append(String.format(Locale.ROOT, "    %-32s %7d%n",
                    e.getKey(), e.getValue())));
            if (k > 10) {
                sb.append("    ... ").append(k - 10).append(" more\n");
            }
        }
        return sb.toString();
    }
}
