package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.MaskedInputs;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.data.arrow.config.FramesConfig;
import org.scale4j.data.arrow.config.KeyValueConfig;
import org.scale4j.data.arrow.config.RegionsConfig;
import org.scale4j.data.arrow.config.TokenizerConfig;
import org.scale4j.data.arrow.config.TokensConfig;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * Batches are bit-identical to the ones recorded from earlier loaders: SHA-256 over the ids and the
 * raw bytes of every tensor (dtype, shape, values) of the first batches, with the training masks,
 * for float32 features (tiny preset) and float16 video (small preset). Recycled batch tensors hold
 * the previous batch's values, so any element the collators fail to write (padding, absent
 * samples, masked rows) changes a digest.
 *
 * <p>Two digests per batch stream. What the model sees (inputs after {@link MaskedInputs#apply})
 * was recorded from the loader of f10e298, which wrote the masked feature input itself as a second
 * tensor, and before that matched 93b54b4, which allocated every tensor afresh. The targets were
 * recorded when the target became the unmasked input tensor itself; the same digests come from
 * f10e298's targets with position 0 (zero there, never read by an objective) set to the mean token.
 */
class GoldenBatchesTest {

    @TempDir static Path tmp;

    static final List<MaskingRequest> MASKS = List.of(new MaskingRequest("text", "token", 0.15, 0),
            new MaskingRequest("table", "entity", 0.15, 0), new MaskingRequest("image", "zero", 0.15, 0.1),
            new MaskingRequest("video", "zero", 0.15, 0), new MaskingRequest("audio", "zero", 0.15, 0));

    @Test
    void float32FeaturesMatchTheRecordedBatches() throws Exception {
        Path data = TestData.tiny(tmp, 120, 3);
        try (Dataset ds = TestData.open(data, TestData.context(data, 3))) {
            assertEquals("19f1da44c7825cdcfb3e43d86df8cba83f3060a5b1e200e7b3db735cb02e28ea", digest(ds, 0, Part.MODEL_INPUT));
            assertEquals("3918821353ce56e59983fb014bbaa15bb07d1e3d88168131f62706aa309e65e5", digest(ds, 0, Part.TARGETS));
            assertEquals("19f1da44c7825cdcfb3e43d86df8cba83f3060a5b1e200e7b3db735cb02e28ea", digest(ds, 2, Part.MODEL_INPUT), "prefetch does not change the batches");
            assertEquals("3918821353ce56e59983fb014bbaa15bb07d1e3d88168131f62706aa309e65e5", digest(ds, 2, Part.TARGETS), "prefetch does not change the batches");
        }
    }

    @Test
    void float16VideoMatchesTheRecordedBatches() throws Exception {
        SyntheticPreset small = SyntheticPreset.byName("small", "preset").withRows(96);
        Path data = tmp.resolve("small-96");
        SyntheticGenerator.generate(small, data, 4, m -> { });
        try (Dataset ds = TestData.open(data, context(small, data))) {
            assertEquals("f6c83af903ce6c17267acb7e4b5489a8f09efd8f7193f6e7bd9795c21f81aad7", digest(ds, 0, Part.MODEL_INPUT));
            assertEquals("b6c4a333b418f196334531fdae6e386014f7e9ea8e66d5c81752b64069927215", digest(ds, 0, Part.TARGETS));
        }
    }

    /** All five modalities at the preset's own dims and lengths. */
    private static DataContext context(SyntheticPreset p, Path workDir) {
        Map<String, DataContext.CollatorFactory> m = new TreeMap<>();
        TokenizerConfig tok = new TokenizerConfig("built-vocab", null, "wordpiece", 2000, 1);
        m.put("text", DataContext.CollatorFactory.of(new TokensKind(), "text", "title", new TokensConfig(24, tok, false)));
        m.put("table", DataContext.CollatorFactory.of(new KeyValueKind(), "table", "table", new KeyValueConfig(32, tok)));
        m.put("image", DataContext.CollatorFactory.of(new RegionsKind(), "image", "image_feats",
                new RegionsConfig("image_boxes", p.imageDim(), p.imageRegions())));
        m.put("video", DataContext.CollatorFactory.of(new FramesKind(), "video", "video_feats",
                new FramesConfig(p.videoDim(), p.videoFrames())));
        m.put("audio", DataContext.CollatorFactory.of(new FramesKind(), "audio", "audio_feats",
                new FramesConfig(p.audioDim(), p.audioRows())));
        return new DataContext(m, workDir, 4);
    }

    /** Which tensors a digest covers. */
    enum Part {
        /** ids, and per modality present, mask and the inputs as the encoder sees them ({@link MaskedInputs#apply}). */
        MODEL_INPUT,
        /** per modality, the targets. */
        TARGETS
    }

    /** The digest of {@code part} of the first 5 batches of 16 of the train split, each closed before the next. */
    static String digest(Dataset ds, int prefetch, Part part) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                BatchStream s = ds.stream("train", new BatchOptions(16, true, 9, MASKS, true, true, prefetch),
                        DataPosition.START)) {
            for (int i = 0; i < 5; i++) {
                try (Batch b = s.next(manager)) {
                    update(sha, b, part);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static void update(MessageDigest sha, Batch b, Part part) {
        if (part == Part.MODEL_INPUT) {
            sha.update(b.ids().toString().getBytes(StandardCharsets.UTF_8));
        }
        for (ModalityBatch m : b.modalities().values()) {
            sha.update(m.modality().getBytes(StandardCharsets.UTF_8));
            if (part == Part.MODEL_INPUT) {
                ModalityBatch input = MaskedInputs.apply(m);
                update(sha, "present", input.present());
                update(sha, "mask", input.mask());
                for (Map.Entry<String, NDArray> e : new TreeMap<>(input.inputs()).entrySet()) {
                    update(sha, e.getKey(), e.getValue());
                }
            } else {
                for (Map.Entry<String, NDArray> e : new TreeMap<>(m.targets()).entrySet()) {
                    update(sha, e.getKey(), e.getValue());
                }
            }
        }
    }

    private static void update(MessageDigest sha, String key, NDArray a) {
        sha.update((key + a.getDataType() + a.getShape()).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = a.toByteBuffer();
        sha.update(bytes);
    }
}
