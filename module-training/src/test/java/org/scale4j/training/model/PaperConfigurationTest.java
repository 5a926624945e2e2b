package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.Vocabulary;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.plugin.Configured;
import org.scale4j.encoders.config.FeatureEncoderConfig;
import org.scale4j.encoders.config.TokenEncoderConfig;
import org.scale4j.fusion.config.HarmonizerConfig;
import org.scale4j.fusion.config.JointCoTransformerConfig;

/** The paper configuration (spec 2.2) builds, and its size matches a count made by hand from spec 2.2. */
class PaperConfigurationTest {

    static final long H = 768;
    static final long V = 21128;

    /** spec 1.6 / 2.2: text 36, table 64, image 36+1 regions of 2048 (+5 box), video 12+1 of 1024, audio 80+1 of 751. */
    static List<ModalitySpec> specs() {
        Vocabulary vocab = new Vocabulary((int) V, 0, 101, 102, 103, 100);
        return List.of(
                new ModalitySpec("text", "tokens", 36, 0, 0, vocab),
                new ModalitySpec("table", "key-value", 64, 0, 0, vocab),
                new ModalitySpec("image", "regions", 37, 2048, 5, null),
                new ModalitySpec("video", "frames", 13, 1024, 0, null),
                new ModalitySpec("audio", "frames", 81, 751, 0, null));
    }

    static ModelPlan plan(Map<String, String> sharing) {
        TokenEncoderConfig text = new TokenEncoderConfig(6, 12, 3072, "gelu", "post", 0.1, 0.1, 512, 2, 1e-12);
        FeatureEncoderConfig image = FeatureEncoderConfig.defaults();
        FeatureEncoderConfig video = new FeatureEncoderConfig(6, 8, 1024, "gelu", "post", 0.1, 0.1, 50, 1e-12);
        FeatureEncoderConfig audio = new FeatureEncoderConfig(6, 8, 1024, "gelu", "post", 0.1, 0.1, 100, 1e-12);
        Map<String, Configured<EncoderProvider<?>>> encoders = new TreeMap<>();
        encoders.put("text", Plans.encoder("bert-text", text, "text"));
        encoders.put("table", Plans.encoder("bert-text", text, "table"));
        encoders.put("image", Plans.encoder("region-transformer", image, "image"));
        encoders.put("video", Plans.encoder("frame-transformer", video, "video"));
        encoders.put("audio", Plans.encoder("frame-transformer", audio, "audio"));
        List<WeightedObjective> objectives = new ArrayList<>();
        List<String> names = List.of("simcl", "mlm", "mem", "mrm", "mfm", "mam");
        for (int i = 0; i < names.size(); i++) {
            objectives.add(new WeightedObjective(Plans.objective(names.get(i), Configs.objectives().get(names.get(i)), i), 1));
        }
        return new ModelPlan(specs(), new ModelDims((int) H, 0.1f, 0.02f), 1024, encoders, sharing,
                Plans.named(HarmonizerProvider.class, "self-harmonized", HarmonizerConfig.defaults(), "model.harmonizer"),
                Plans.named(FusionProvider.class, "joint-co-transformer", JointCoTransformerConfig.defaults(), "model.fusion"),
                objectives);
    }

    /** One post-LN BERT layer or pre-LN cross block with FFN size f: Q,K,V,O + FFN + two LayerNorms. */
    static long layer(long f) {
        return 4 * (H * H + H) + (H * f + f) + (f * H + H) + 2 * (2 * H);
    }

    /** The masked-modelling transform: dense H→H + LayerNorm. */
    static long transform() {
        return H * H + H + 2 * H;
    }

    @Test
    void paperModelHasTheSizeCountedFromTheSpec() {
        long text = V * H + 512 * H + 2 * H + 2 * H + 6 * layer(3072); // word+pos+type, LN, 6 layers (12 heads, 3072)
        long table = text; // its own copy unless shared
        long image = (2048 * H + H) + (5 * H + H) + 2 * H + 6 * layer(1024); // Linear(feat)+Linear(box), LN, 6 layers
        long videoEmbedding = (1024 * H + H) + 50 * H + 2 * H; // Linear(feat), 50 positions, LN
        long video = videoEmbedding + 6 * layer(1024);
        long audio = (751 * H + H) + 100 * H + 2 * H + 6 * layer(1024); // 100 positions
        long poolers = 5 * (H * 1024 + 1024); // Linear(768→1024) per modality
        long fusion = 512 * H + 6 * layer(4 * H); // positions(512) + 6 pre-LN blocks, MLP 3072
        long mlm = transform() + V; // decoder tied to the word embeddings: only its bias
        long mem = transform() + V;
        long mrm = transform() + (H * 2048 + 2048);
        long mfm = transform() + (H * 1024 + 1024);
        long mam = transform() + (H * 751 + 751);
        long heads = mlm + mem + mrm + mfm + mam; // simcl has no parameters
        long separate = text + table + image + video + audio + poolers + fusion + heads;
        long released = separate - table - 6 * layer(1024); // table uses text, video uses the image layers (Q2)
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            long start = System.nanoTime();
            ScaleModel model = ModelBuilder.build(plan(Map.of()));
            model.initialize(manager, 42);
            ParameterReport report = model.parameterReport();
            assertEquals(separate, report.total(), report.format());
            assertEquals(text, report.parts().get("encoder/text"));
            assertEquals(fusion, report.parts().get("fusion"));
            assertEquals(mrm, report.parts().get("objective/mrm"));
            model.clear();
            ScaleModel shared = ModelBuilder.build(plan(Map.of("table", "text", "video", "image")));
            shared.initialize(manager, 42);
            assertEquals(released, shared.parameterReport().total());
            shared.clear();
            assertTrue(System.nanoTime() - start < 20e9, "building both paper models took over 20 s");
        }
    }
}
