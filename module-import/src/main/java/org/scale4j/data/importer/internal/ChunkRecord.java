package org.scale4j.data.importer.internal;

import java.util.List;
import java.util.Map;

/**
 * The journal's record of one finished chunk: a run of consecutive source items that became one
 * shard per split. A chunk whose shard files all exist with these checksums is not redone.
 *
 * @param unit the chunk's name, also the shards' base name ({@code img000-00003}, {@code noimg-00000})
 * @param source the index of the image TSV in the input list, or -1 for products without an image line
 * @param chunk the chunk's index within its source
 * @param start the byte offset of the chunk's first line in the TSV (0 for the caption pass)
 * @param end the byte offset after its last line
 * @param firstLine the 1-based line number of its first line
 * @param items the source items (lines or caption entries) the chunk covered
 * @param shards the shard files written, one per split that got rows
 * @param present per column, how many written rows have it non-null (all splits together)
 * @param problems per problem kind, how many problems the chunk had
 * @param unassigned rows dropped because their id is in no split list and there is no default split
 */
public record ChunkRecord(
        String unit, int source, int chunk, long start, long end, long firstLine, long items,
        List<ShardInfo> shards, Map<String, Long> present, Map<String, Long> problems, long unassigned) {

    /**
     * One shard file.
     *
     * @param split the split the shard belongs to
     * @param path the file, relative to the output directory, with {@code /} separators
     * @param rows its row count
     * @param sha256 its SHA-256, lower-case hex
     * @param bytes its size
     */
    public record ShardInfo(String split, String path, long rows, String sha256, long bytes) {
    }
}
