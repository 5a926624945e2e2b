package org.scale4j.data.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scale4j.data.importer.internal.ImportRun;

/**
 * Imports M5Product from the authors' formats (spec 1.2, 1.5) into scale4j's canonical Arrow
 * layout, so that the paper's recipe trains on the real data. What {@code scale4j import m5product}
 * runs.
 *
 * <p>Inputs, each optional except that there must be image TSVs or captions:
 * <ul>
 *   <li>image-feature TSVs ({@link Builder#imageTsv}): one row per line, id in column 1;</li>
 *   <li>the caption JSON ({@link Builder#captions}): title, {@code pv} table and label per id; its
 *       entries that no TSV line covers become rows with a null image;</li>
 *   <li>label list and id-to-label file ({@link Builder#labelList}, {@link Builder#idLabels}):
 *       {@code category} is the label's position in the list;</li>
 *   <li>split id lists ({@link Builder#split}), video and audio {@code .npy} directories.</li>
 * </ul>
 *
 * <p>Output in {@link Builder#output}: {@code <split>/<chunk>.arrow} shards (Arrow IPC file format),
 * {@code manifest.json}, {@code import-report.json}, {@code import-problems.tsv}, and
 * {@code _import/} (the journal that lets a rerun resume after a crash without redoing finished
 * shards; keep it until the import is complete).
 *
 * <p>Missing or corrupt items (a missing {@code .npy}, bad base64, a wrong shape) are counted and
 * listed by product id and file; the modality becomes null. With {@link Builder#strict} the first
 * one stops the import instead. User errors (missing inputs, malformed JSON, an output directory
 * of another import) are {@link org.scale4j.api.data.DataException}s.
 *
 * <pre>{@code
 * ImportResult r = M5ProductImport.builder()
 *         .imageTsv(Path.of("feats/0.tsv")).imageTsv(Path.of("feats/1.tsv"))
 *         .captions(Path.of("product5m_caption.json"))
 *         .videoDir(Path.of("video_feature")).audioDir(Path.of("audio_feature"))
 *         .output(Path.of("data/m5product"))
 *         .progress(new ConsoleProgressBar(System.err, 500))
 *         .build().run();
 * }</pre>
 */
public final class M5ProductImport {

    private final ImportOptions options;

    private M5ProductImport(ImportOptions options) {
        this.options = options;
    }

    /** A builder with the defaults documented on {@link ImportOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    /** This import's options. */
    public ImportOptions options() {
        return options;
    }

    /**
     * Runs (or resumes) the import.
     *
     * @throws org.scale4j.api.data.DataException for a problem with the inputs or the output directory,
     *     or for the first per-item problem under {@code strict}
     */
    public ImportResult run() {
        return new ImportRun(options).run();
    }

    /** Collects the options; {@link #build} checks them. */
    public static final class Builder {
        private final List<Path> imageTsvs = new ArrayList<>();
        private final Map<String, Path> splits = new LinkedHashMap<>();
        private Path captions;
        private Path idLabels;
        private Path labelList;
        private Path productGroups;
        private String defaultSplit = "train";
        private Path videoDir;
        private Path audioDir;
        private Path output;
        private int shardRows = 1000;
        private int batchRows = 64;
        private int threads;
        private boolean float16;
        private boolean strict;
        private Path tokenizer;
        private boolean includeProductsWithoutImage = true;
        private int imageDim = 2048;
        private int videoDim = 1024;
        private int audioDim = 751;
        private int audioRows = 80;
        private ImportProgress progress = ImportProgress.NONE;

        private Builder() {
        }

        /** Adds an image-feature TSV (7 columns, base64 float32 boxes and features). */
        public Builder imageTsv(Path tsv) {
            imageTsvs.add(tsv);
            return this;
        }

        /** Adds image-feature TSVs in order. */
        public Builder imageTsvs(List<Path> tsvs) {
            imageTsvs.addAll(tsvs);
            return this;
        }

        /** The caption/meta JSON {@code {id: {"title", "pv", "label", ...}}}. */
        public Builder captions(Path json) {
            this.captions = json;
            return this;
        }

        /** An id-to-label JSON whose labels override the caption JSON's. */
        public Builder idLabels(Path json) {
            this.idLabels = json;
            return this;
        }

        /** The JSON list of labels that fixes the category indices. */
        public Builder labelList(Path json) {
            this.labelList = json;
            return this;
        }

        /** An id-to-group-label JSON for {@code product_group} (fine-grained retrieval). */
        public Builder productGroups(Path json) {
            this.productGroups = json;
            return this;
        }

        /** A split and its id list (JSON array or one id per line); repeatable. */
        public Builder split(String name, Path idList) {
            splits.put(name, idList);
            return this;
        }

        /** The split of products in no id list (default {@code train}); {@code null} drops them. */
        public Builder defaultSplit(String name) {
            this.defaultSplit = name;
            return this;
        }

        /** The directory of {@code {id}.npy} video features {@code [T,1024]}. */
        public Builder videoDir(Path dir) {
            this.videoDir = dir;
            return this;
        }

        /** The directory of {@code {id}.npy} audio features {@code [80,751]}. */
        public Builder audioDir(Path dir) {
            this.audioDir = dir;
            return this;
        }

        /** The output directory (required). */
        public Builder output(Path dir) {
            this.output = dir;
            return this;
        }

        /** Source items per shard (default 1000). */
        public Builder shardRows(int rows) {
            this.shardRows = rows;
            return this;
        }

        /** Rows per Arrow record batch (default 64). */
        public Builder batchRows(int rows) {
            this.batchRows = rows;
            return this;
        }

        /** Worker threads (default: available cores, at most one per TSV file). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Write feature columns as float16 (default float32). */
        public Builder float16(boolean on) {
            this.float16 = on;
            return this;
        }

        /** Stop at the first per-item problem (default: skip, count and report). */
        public Builder strict(boolean on) {
            this.strict = on;
            return this;
        }

        /** A HuggingFace {@code tokenizer.json}; adds {@code title_ids} and {@code table_ids}. */
        public Builder tokenizer(Path json) {
            this.tokenizer = json;
            return this;
        }

        /** Whether caption entries without a TSV line become rows with a null image (default true). */
        public Builder includeProductsWithoutImage(boolean on) {
            this.includeProductsWithoutImage = on;
            return this;
        }

        /** Feature widths: image regions (2048), video frames (1024), audio rows (751). */
        public Builder dims(int image, int video, int audio) {
            this.imageDim = image;
            this.videoDim = video;
            this.audioDim = audio;
            return this;
        }

        /** Required spectrogram rows per audio file (default 80; 0 accepts any). */
        public Builder audioRows(int rows) {
            this.audioRows = rows;
            return this;
        }

        /** Where progress goes (default nowhere; {@link ConsoleProgressBar} draws a bar). */
        public Builder progress(ImportProgress sink) {
            this.progress = sink;
            return this;
        }

        /**
         * Checks the options.
         *
         * @throws IllegalArgumentException naming the bad option
         */
        public M5ProductImport build() {
            int n = threads > 0 ? threads
                    : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, imageTsvs.size())));
            return new M5ProductImport(new ImportOptions(imageTsvs, captions, idLabels, labelList, productGroups,
                    splits, defaultSplit, videoDir, audioDir, output, shardRows, batchRows, n, float16, strict,
                    tokenizer, includeProductsWithoutImage, imageDim, videoDim, audioDim, audioRows, progress));
        }
    }
}
