package org.scale4j.launcher.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scale4j.data.importer.ConsoleProgressBar;
import org.scale4j.data.importer.ImportResult;
import org.scale4j.data.importer.M5ProductImport;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scale4j import m5product}: the authors' release formats (spec 1.5) into Arrow shards and a
 * manifest. An interrupted import continues where it stopped when run again with the same options.
 */
@Command(name = "m5product", mixinStandardHelpOptions = true,
        description = "Import M5Product from the authors' formats (image-feature TSVs, caption JSON, label and "
                + "split files, video/audio .npy) into the canonical Arrow layout.")
public final class ImportM5ProductCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--tsv", paramLabel = "FILE", description = "An image-feature TSV (repeatable; one worker per file).")
    private List<Path> tsvs = new ArrayList<>();

    @Option(names = "--captions", required = true, paramLabel = "JSON",
            description = "The caption JSON: {id: {title, pv, label}}.")
    private Path captions;

    @Option(names = "--id-labels", paramLabel = "JSON", description = "id-to-label JSON (overrides the caption labels).")
    private Path idLabels;

    @Option(names = "--label-list", paramLabel = "JSON", description = "The label list; category = position in it.")
    private Path labelList;

    @Option(names = "--product-groups", paramLabel = "JSON", description = "id-to-group JSON for fine-grained retrieval.")
    private Path productGroups;

    @Option(names = "--split", paramLabel = "NAME=FILE", description = "A split's id list (repeatable), e.g. train=ids.txt.")
    private Map<String, Path> splits = new LinkedHashMap<>();

    @Option(names = "--default-split", paramLabel = "NAME", description = "The split of products in no --split list.")
    private String defaultSplit;

    @Option(names = "--video-dir", paramLabel = "DIR", description = "Per-product video features {id}.npy.")
    private Path videoDir;

    @Option(names = "--audio-dir", paramLabel = "DIR", description = "Per-product audio features {id}.npy.")
    private Path audioDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output dataset directory.")
    private Path out;

    @Option(names = "--shard-rows", defaultValue = "1000", description = "Rows per shard. Default: ${DEFAULT-VALUE}.")
    private int shardRows;

    @Option(names = "--threads", description = "Worker threads (default: the number of cores).")
    private Integer threads;

    @Option(names = "--float16", description = "Store features as float16 (half the size).")
    private boolean float16;

    @Option(names = "--strict", description = "Stop at the first missing or corrupt item instead of reporting it.")
    private boolean strict;

    @Option(names = "--tokenizer", paramLabel = "JSON",
            description = "A HuggingFace tokenizer.json; adds title_ids and table_ids columns.")
    private Path tokenizer;

    @Option(names = "--dims", split = ",", paramLabel = "IMAGE,VIDEO,AUDIO", defaultValue = "2048,1024,751",
            description = "Feature sizes of image regions, video frames and audio rows. Default: ${DEFAULT-VALUE} "
                    + "(bottom-up R101, S3D, 751-frame mel rows).")
    private int[] dims;

    @Option(names = "--audio-rows", defaultValue = "80", description = "Rows of each audio matrix (mel bins). "
            + "Default: ${DEFAULT-VALUE}.")
    private int audioRows;

    @Override
    public Integer call() {
        if (dims.length != 3) {
            throw new UserException("--dims takes three sizes IMAGE,VIDEO,AUDIO, got " + dims.length);
        }
        M5ProductImport.Builder builder = M5ProductImport.builder()
                .imageTsvs(tsvs)
                .captions(captions)
                .output(out)
                .shardRows(shardRows)
                .threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .float16(float16)
                .strict(strict)
                .dims(dims[0], dims[1], dims[2])
                .audioRows(audioRows)
                .progress(new ConsoleProgressBar(System.err, 500));
        if (idLabels != null) {
            builder.idLabels(idLabels);
        }
        if (labelList != null) {
            builder.labelList(labelList);
        }
        if (productGroups != null) {
            builder.productGroups(productGroups);
        }
        splits.forEach(builder::split);
        if (defaultSplit != null) {
            builder.defaultSplit(defaultSplit);
        }
        if (videoDir != null) {
            builder.videoDir(videoDir);
        }
        if (audioDir != null) {
            builder.audioDir(audioDir);
        }
        if (tokenizer != null) {
            builder.tokenizer(tokenizer);
        }
        M5ProductImport importer;
        try {
            importer = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        ImportResult result = importer.run();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("imported %d products into %s in %.1f s (%d shards written, %d kept from an earlier run)%n",
                result.rows(), result.output(), result.seconds(), result.shardsWritten(), result.shardsReused());
        result.rowsBySplit().forEach((split, rows) -> w.printf("  %-8s %d rows%n", split, rows));
        if (result.problems() > 0) {
            w.printf("%d problems (the rows keep the other modalities): %s%n  details: %s%n", result.problems(),
                    result.problemsByKind(), result.problemsFile());
        }
        return ExitCodes.OK;
    }
}
