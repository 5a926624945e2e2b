package org.scale4j.data.arrow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.Dataset;
import org.scale4j.data.arrow.config.FramesConfig;
import org.scale4j.data.arrow.config.KeyValueConfig;
import org.scale4j.data.arrow.config.RegionsConfig;
import org.scale4j.data.arrow.config.TokenizerConfig;
import org.scale4j.data.arrow.config.TokensConfig;
import org.scale4j.data.arrow.dataset.ArrowDataset;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.SourceOptions;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/** Small datasets and the quickstart recipe's modalities, for tests. */
final class TestData {

    private TestData() {
    }

    /** The tiny preset cut to {@code rows} products, generated into {@code dir}. */
    static Path tiny(Path dir, int rows, long seed) {
        Path out = dir.resolve("tiny-" + rows + "-" + seed);
        SyntheticGenerator.generate(SyntheticPreset.tiny().withRows(rows), out, seed, m -> { });
        return out;
    }

    /** The quickstart recipe's five modalities over the tiny preset's columns. */
    static DataContext context(Path workDir, long seed) {
        return context(workDir, seed, 64, 48, 32);
    }

    static DataContext context(Path workDir, long seed, int imageDim, int videoDim, int audioDim) {
        Map<String, DataContext.CollatorFactory> m = new LinkedHashMap<>();
        TokenizerConfig tok = new TokenizerConfig("built-vocab", null, "wordpiece", 2000, 1);
        m.put("text", DataContext.CollatorFactory.of(new TokensKind(), "text", "title", new TokensConfig(24, tok, false)));
        m.put("table", DataContext.CollatorFactory.of(new KeyValueKind(), "table", "table", new KeyValueConfig(32, tok)));
        m.put("image", DataContext.CollatorFactory.of(new RegionsKind(), "image", "image_feats",
                new RegionsConfig("image_boxes", imageDim, 10)));
        m.put("video", DataContext.CollatorFactory.of(new FramesKind(), "video", "video_feats",
                new FramesConfig(videoDim, 6)));
        m.put("audio", DataContext.CollatorFactory.of(new FramesKind(), "audio", "audio_feats",
                new FramesConfig(audioDim, 8)));
        return new DataContext(m, workDir, seed);
    }

    static Dataset open(Path data, DataContext context) {
        return ArrowDataset.open(DatasetLayout.resolve(data, "data.source.path"), SourceOptions.defaults(), context);
    }

    static Dataset open(Path data, DataContext context, boolean skip) {
        SourceOptions o = SourceOptions.defaults();
        return ArrowDataset.open(DatasetLayout.resolve(data, "data.source.path"),
                new SourceOptions(o.idColumn(), o.categoryColumn(), o.productGroupColumn(), skip, o.recipeKey()),
                context);
    }
}
