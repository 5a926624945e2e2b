package org.scale4j.data.arrow.config;

import org.scale4j.api.config.Doc;

/**
 * {@code data.source: {type: synthetic, ...}}: a synthetic M5Product-like dataset, generated into
 * {@code <dir>/synthetic-<preset>-seed<seed>} when absent and then opened like an arrow source.
 *
 * @param preset {@code tiny} (default), {@code small} or {@code paper}
 * @param seed the generator seed (default 7); the same seed gives the same bytes
 * @param dir the cache directory, relative to the working directory (default {@code data})
 * @param rows the number of products, 0 for the preset's default
 * @param onBadRow {@code fail} (default) or {@code skip}, as for arrow sources
 */
@Doc("A synthetic M5Product-like dataset, generated into <dir>/synthetic-<preset>-seed<seed> on first use.")
public record SyntheticSourceConfig(
        @Doc("tiny, small or paper (see docs/data.md for their sizes).") String preset,
        @Doc("Generator seed; the same seed gives the same bytes.") long seed,
        @Doc("Cache directory of generated datasets, relative to the working directory.") String dir,
        @Doc("Number of products; 0 takes the preset's default.") int rows,
        @Doc("fail: stop at the first row that fails validation; skip: drop such rows, count and report them.") String onBadRow) {

    public SyntheticSourceConfig {
        preset = preset == null ? "tiny" : preset;
        dir = dir == null ? "data" : dir;
        onBadRow = onBadRow == null ? "fail" : onBadRow;
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        OnBadRow.check(onBadRow);
    }

    public static SyntheticSourceConfig defaults() {
        return new SyntheticSourceConfig("tiny", 7, "data", 0, "fail");
    }
}
