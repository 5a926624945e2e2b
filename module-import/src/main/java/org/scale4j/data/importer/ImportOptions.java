package org.scale4j.data.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an M5Product import needs, checked on construction. Build it with
 * {@link M5ProductImport#builder()}.
 *
 * @param imageTsvs the image-feature TSV files (spec 1.5 item 1), imported in parallel; may be empty
 *     when only captions are imported
 * @param captions the caption/meta JSON {@code {id: {"title", "pv", "label", ...}}} (spec 1.5 item 3),
 *     or {@code null}
 * @param idLabels an id-to-label JSON ({@code {id: {"label": ...}}} or {@code {id: "label"}}) whose
 *     label overrides the caption's, or {@code null}
 * @param labelList a JSON list of label strings; a label's position is its {@code category}; when
 *     {@code null} the sorted distinct labels of the inputs are used and written to the manifest
 * @param productGroups an id-to-group-label JSON (same shapes as {@code idLabels}) for
 *     {@code product_group}, or {@code null}
 * @param splits split name to id-list file (a JSON array or one id per line), in the given order;
 *     empty means every product goes to {@code defaultSplit}
 * @param defaultSplit the split of products in no list ({@code "train"} by default); {@code null}
 *     drops them (they are counted as unassigned)
 * @param videoDir the directory of {@code {id}.npy} video features {@code [T,1024]}, or {@code null}
 * @param audioDir the directory of {@code {id}.npy} audio features {@code [80,751]}, or {@code null}
 * @param output the output directory (created; shards, manifest.json and the report go there)
 * @param shardRows source items per shard (default 1000)
 * @param batchRows rows per Arrow record batch, which bounds memory per open shard (default 64)
 * @param threads worker threads; TSV files are the unit of parallelism (default: cores, at most the
 *     number of TSV files)
 * @param float16 whether feature columns are written as float16 (default false: float32)
 * @param strict whether the first per-item problem aborts the import (default false: count, report,
 *     continue)
 * @param tokenizer a HuggingFace {@code tokenizer.json} for {@code title_ids}/{@code table_ids}, or
 *     {@code null} to keep the text raw only
 * @param includeProductsWithoutImage whether caption entries absent from every TSV become rows with
 *     a null image (default true)
 * @param imageDim region feature width (default 2048)
 * @param videoDim frame feature width (default 1024)
 * @param audioDim spectrogram row width (default 751)
 * @param audioRows required spectrogram rows (default 80; 0 accepts any)
 * @param progress where progress goes (default: nowhere)
 */
public record ImportOptions(
        List<Path> imageTsvs, Path captions, Path idLabels, Path labelList, Path productGroups,
        Map<String, Path> splits, String defaultSplit, Path videoDir, Path audioDir, Path output, int shardRows,
        int batchRows, int threads, boolean float16, boolean strict, Path tokenizer,
        boolean includeProductsWithoutImage, int imageDim, int videoDim, int audioDim, int audioRows,
        ImportProgress progress) {

    public ImportOptions {
        imageTsvs = List.copyOf(imageTsvs);
        splits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(splits));
        Objects.requireNonNull(output, "output directory is required");
        Objects.requireNonNull(progress, "progress");
        if (imageTsvs.isEmpty() && captions == null) {
            throw new IllegalArgumentException("give at least one image-feature TSV or the caption JSON");
        }
        if (shardRows < 1 || batchRows < 1 || threads < 1) {
            throw new IllegalArgumentException("shard rows, batch rows and threads must be >= 1, got "
                    + shardRows + ", " + batchRows + ", " + threads);
        }
        if (imageDim < 1 || videoDim < 1 || audioDim < 1 || audioRows < 0) {
            throw new IllegalArgumentException("feature dims must be >= 1 and audio rows >= 0");
        }
        for (String name : splits.keySet()) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("split name '" + name + "' must be letters, digits, . _ -");
            }
        }
        if (defaultSplit != null && !defaultSplit.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("split name '" + defaultSplit + "' must be letters, digits, . _ -");
        }
    }
}
