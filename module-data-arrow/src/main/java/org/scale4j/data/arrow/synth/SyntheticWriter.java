package org.scale4j.data.arrow.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.Seeds;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/** Generates all rows of a preset into a directory: shards per split plus the manifest. */
public final class SyntheticWriter {

    private static final String[] SPLITS = {"train", "val", "test"};

    private SyntheticWriter() {
    }

    /** Writes the dataset into the existing, empty directory {@code dir}; returns a summary line. */
    public static String write(SyntheticPreset preset, Path dir, long seed, Consumer<String> progress)
            throws IOException {
        Catalog catalog = new Catalog(preset, new Rng(Seeds.derive(seed, 1)));
        ProductGenerator generator = new ProductGenerator(preset, catalog, seed);
        Rng rng = new Rng(Seeds.derive(seed, 3));
        Schema schema = CanonicalSchema.of(preset);
        Map<String, SplitSink> sinks = new LinkedHashMap<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String split : SPLITS) {
                sinks.put(split, new SplitSink(dir, split, schema, allocator, preset.rowsPerShard(),
                        preset.rowsPerBatch()));
            }
            int made = 0;
            long group = 0;
            int nextReport = preset.rows() / 10;
            while (made < preset.rows()) {
                int leaf = catalog.sampleLeaf(rng);
                double[] latent = generator.groupLatent(rng, leaf);
                int listings = Math.min(1 + rng.geometric(preset.listingsPerGroup() - 1), 8);
                double u = rng.nextDouble();
                SplitSink sink = sinks.get(u < 0.8 ? "train" : u < 0.9 ? "val" : "test");
                for (int l = 0; l < listings && made < preset.rows(); l++) {
                    String id = String.format("p%07d", made);
                    sink.add(generator.listing(rng, id, group, leaf, latent));
                    made++;
                    if (made >= nextReport && nextReport > 0) {
                        progress.accept("generated " + made + " / " + preset.rows() + " products");
                        nextReport += preset.rows() / 10;
                    }
                }
                group++;
            }
            for (SplitSink sink : sinks.values()) {
                sink.close();
            }
        }
        writeManifest(dir, preset, seed, sinks);
        StringBuilder summary = new StringBuilder("synthetic " + preset.name() + " (seed " + seed + "): ");
        sinks.forEach((name, sink) -> summary.append(name).append(' ').append(sink.rows()).append(" rows in ")
                .append(sink.shards().size()).append(" shards; "));
        progress.accept(summary.toString());
        return summary.toString();
    }

    private static void writeManifest(Path dir, SyntheticPreset preset, long seed, Map<String, SplitSink> sinks)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", DatasetLayout.FORMAT);
        manifest.put("version", 1);
        Map<String, Object> splits = new LinkedHashMap<>();
        sinks.forEach((name, sink) -> splits.put(name, sink.shards()));
        manifest.put("splits", splits);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("image_feats", Map.of("dim", preset.imageDim()));
        columns.put("image_boxes", Map.of("dim", 5));
        columns.put("video_feats", Map.of("dim", preset.videoDim()));
        columns.put("audio_feats", Map.of("dim", preset.audioDim()));
        manifest.put("columns", columns);
        Map<String, Object> generatorInfo = new LinkedHashMap<>();
        generatorInfo.put("name", "scale4j synth");
        generatorInfo.put("preset", preset.name());
        generatorInfo.put("seed", seed);
        generatorInfo.put("rows", preset.rows());
        manifest.put("generator", generatorInfo);
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
        Path file = dir.resolve(DatasetLayout.MANIFEST);
        Files.write(file, bytes);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
