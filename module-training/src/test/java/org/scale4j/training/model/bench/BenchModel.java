package org.scale4j.training.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.Vocabulary;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.Configured;
import org.scale4j.api.plugin.Provider;
import org.scale4j.encoders.config.FeatureEncoderConfig;
import org.scale4j.encoders.config.TokenEncoderConfig;
import org.scale4j.fusion.config.HarmonizerConfig;
import org.scale4j.fusion.config.JointCoTransformerConfig;
import org.scale4j.objectives.config.MamConfig;
import org.scale4j.objectives.config.MemConfig;
import org.scale4j.objectives.config.MfmConfig;
import org.scale4j.objectives.config.MlmConfig;
import org.scale4j.objectives.config.MrmConfig;
import org.scale4j.objectives.config.SimclConfig;
import org.scale4j.training.model.ModelPlan;
import org.scale4j.training.model.WeightedObjective;

/**
 * A benchmark model: sizes, modalities and batch size, turned into a {@link ModelPlan} with the
 * SCALE parts (bert-text, region-transformer, frame-transformer, self-harmonized,
 * joint-co-transformer, simcl + five masked tasks).
 */
public record BenchModel(String name, int batch, int hidden, int layers, int textHeads, int textFfn, int visualHeads,
        int visualFfn, int crossLayers, int crossHeads, int contrastive, List<ModalitySpec> modalities) {

    /** DESIGN.md section 6: hidden 128, 2 layers, 4 heads, FFN 256, 2 fusion layers, batch 32. */
    public static BenchModel quickstart() {
        Vocabulary vocab = new Vocabulary(1000, 0, 1, 2, 3, 4);
        return new BenchModel("quickstart", 32, 128, 2, 4, 256, 4, 256, 2, 4, 128, List.of(
                new ModalitySpec("text", "tokens", 24, 0, 0, vocab),
                new ModalitySpec("table", "key-value", 32, 0, 0, vocab),
                new ModalitySpec("image", "regions", 11, 64, 5, null),
                new ModalitySpec("video", "frames", 7, 48, 0, null),
                new ModalitySpec("audio", "frames", 9, 32, 0, null)));
    }

    /** The quickstart graph with near-zero FLOPs: same modalities, layers and objectives, tiny sizes. */
    static BenchModel micro() {
        Vocabulary vocab = new Vocabulary(16, 0, 1, 2, 3, 4);
        return new BenchModel("micro (near-zero FLOP)", 2, 8, 2, 4, 8, 4, 8, 2, 4, 8, List.of(
                new ModalitySpec("text", "tokens", 4, 0, 0, vocab),
                new ModalitySpec("table", "key-value", 4, 0, 0, vocab),
                new ModalitySpec("image", "regions", 4, 4, 5, null),
                new ModalitySpec("video", "frames", 4, 4, 0, null),
                new ModalitySpec("audio", "frames", 4, 4, 0, null)));
    }

    /** Spec 2.2 at batch 8. */
    static BenchModel paper() {
        Vocabulary vocab = new Vocabulary(21128, 0, 101, 102, 103, 100);
        return new BenchModel("paper", 8, 768, 6, 12, 3072, 8, 1024, 6, 8, 1024, List.of(
                new ModalitySpec("text", "tokens", 36, 0, 0, vocab),
                new ModalitySpec("table", "key-value", 64, 0, 0, vocab),
                new ModalitySpec("image", "regions", 37, 2048, 5, null),
                new ModalitySpec("video", "frames", 13, 1024, 0, null),
                new ModalitySpec("audio", "frames", 81, 751, 0, null)));
    }

    public ModelPlan plan() {
        Map<String, Configured<EncoderProvider<?>>> encoders = new TreeMap<>();
        for (ModalitySpec spec : modalities) {
            int positions = spec.name().equals("text") || spec.name().equals("table") ? 0 : spec.tokens();
            encoders.put(spec.name(), switch (spec.kind()) {
                case "tokens", "key-value" -> named(EncoderProvider.class, "bert-text",
                        new TokenEncoderConfig(layers, textHeads, textFfn, "gelu", "post", 0, 0, 0, 2, 1e-12));
                case "regions" -> named(EncoderProvider.class, "region-transformer",
                        new FeatureEncoderConfig(layers, visualHeads, visualFfn, "gelu", "post", 0, 0, 0, 1e-12));
                default -> named(EncoderProvider.class, "frame-transformer",
                        new FeatureEncoderConfig(layers, visualHeads, visualFfn, "gelu", "post", 0, 0, positions, 1e-12));
            });
        }
        List<WeightedObjective> objectives = new ArrayList<>();
        for (var entry : List.of(Map.entry("simcl", (Record) SimclConfig.defaults()),
                Map.entry("mlm", (Record) MlmConfig.defaults()), Map.entry("mem", (Record) MemConfig.defaults()),
                Map.entry("mrm", (Record) MrmConfig.defaults()), Map.entry("mfm", (Record) MfmConfig.defaults()),
                Map.entry("mam", (Record) MamConfig.defaults()))) {
            objectives.add(new WeightedObjective(named(ObjectiveProvider.class, entry.getKey(), entry.getValue()), 1));
        }
        int total = modalities.stream().mapToInt(ModalitySpec::tokens).sum();
        return new ModelPlan(modalities, new ModelDims(hidden, 0f, 0.02f), contrastive, encoders, Map.of(),
                named(HarmonizerProvider.class, "self-harmonized", HarmonizerConfig.defaults()),
                named(FusionProvider.class, "joint-co-transformer",
                        new JointCoTransformerConfig(crossLayers, crossHeads, 0, Math.max(512, total), 0, 0, 1e-5)),
                objectives);
    }

    /**
     * Forward FLOPs of one step (multiply-adds × 2): encoder and fusion matmuls and attention, plus
     * the masked heads at ~15% of positions. A training step is about 3× this (backward ≈ 2× forward).
     */
    double forwardFlops() {
        double flops = 0;
        double h = hidden;
        int total = 0;
        for (ModalitySpec spec : modalities) {
            double tokens = (double) batch * spec.tokens();
            boolean text = spec.isTokenKind();
            double ffn = text ? textFfn : visualFfn;
            double layerLinear = 4 * h * h + 2 * h * ffn;
            flops += layers * (2 * tokens * layerLinear + 4 * batch * Math.pow(spec.tokens(), 2) * h);
            flops += 2 * tokens * h * (spec.featureDim() + spec.boxDim());
            double masked = 0.15 * tokens;
            flops += 2 * masked * (h * h + h * (text ? spec.vocab().size() : spec.featureDim()));
            total += spec.tokens();
        }
        double crossLinear = 4 * h * h + 2 * h * 4 * h;
        flops += crossLayers * (2.0 * batch * total * crossLinear + 4.0 * batch * total * total * h);
        return flops;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <P extends Provider<?>> Configured<P> named(Class<?> service, String name, Record config) {
        for (Object provider : ServiceLoader.load(service)) {
            if (((Provider<?>) provider).name().equals(name)) {
                return new Configured<>((P) provider, config, "bench");
            }
        }
        throw new IllegalStateException("no " + service.getSimpleName() + " named " + name + " on the class path");
    }
}
