package org.scale4j.data.importer;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an import did.
 *
 * @param output the output directory
 * @param manifest its {@code manifest.json}
 * @param report the human-readable summary {@code import-report.json}
 * @param problemsFile {@code import-problems.tsv}: one line per problem (kind, product id, file, line, detail)
 * @param items source items handled (TSV lines plus caption-only products), in this run and earlier ones
 * @param rowsBySplit rows written per split
 * @param problemsByKind problems per kind (see the report for the list)
 * @param shardsWritten shard files written by this run
 * @param shardsReused shard files kept from an earlier, interrupted run
 * @param seconds wall time of this run
 */
public record ImportResult(
        Path output, Path manifest, Path report, Path problemsFile, long items, Map<String, Long> rowsBySplit,
        Map<String, Long> problemsByKind, int shardsWritten, int shardsReused, double seconds) {

    /** All rows over all splits. */
    public long rows() {
        return rowsBySplit.values().stream().mapToLong(Long::longValue).sum();
    }

    /** All problems. */
    public long problems() {
        return problemsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
