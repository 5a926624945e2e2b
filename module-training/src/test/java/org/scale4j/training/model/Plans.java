package org.scale4j.training.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.Configured;
import org.scale4j.api.plugin.Provider;

/** Model plans for tests, with providers found by name through ServiceLoader (as a recipe names them). */
final class Plans {

    private Plans() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <P extends Provider<?>> Configured<P> named(Class<?> service, String name, Record config, String key) {
        for (Object provider : ServiceLoader.load(service)) {
            if (((Provider<?>) provider).name().equals(name)) {
                return new Configured<>((P) provider, config, key);
            }
        }
        throw new AssertionError("no " + service.getSimpleName() + " named " + name);
    }

    static Configured<EncoderProvider<?>> encoder(String name, Record config, String modality) {
        return named(EncoderProvider.class, name, config, "model.encoders." + modality);
    }

    static Configured<ObjectiveProvider<?>> objective(String name, Record config, int index) {
        return named(ObjectiveProvider.class, name, config, "objectives[" + index + "]");
    }

    /** A tiny model over {@link Fixtures#specs()}: hidden 8, 1 layer per encoder, dropout 0. */
    static ModelPlan tiny(String harmonizer, String fusion, Record fusionConfig, Map<String, String> sharing,
            List<String> objectives, Map<String, Record> objectiveConfigs) {
        Map<String, Configured<EncoderProvider<?>>> encoders = new TreeMap<>();
        for (ModalitySpec spec : Fixtures.specs()) {
            encoders.put(spec.name(), switch (spec.kind()) {
                case "tokens", "key-value" -> encoder("bert-text", Configs.text(1, 2, 16), spec.name());
                case "regions" -> encoder("region-transformer", Configs.features(1, 2, 16), spec.name());
                default -> encoder("frame-transformer", Configs.features(1, 2, 16), spec.name());
            });
        }
        List<WeightedObjective> weighted = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            String name = objectives.get(i);
            weighted.add(new WeightedObjective(objective(name, objectiveConfigs.get(name), i), 1.0));
        }
        return new ModelPlan(Fixtures.specs(), new ModelDims(8, 0f, 0.2f), 6, encoders, sharing,
                named(HarmonizerProvider.class, harmonizer, Configs.harmonizer(), "model.harmonizer"),
                named(FusionProvider.class, fusion, fusionConfig, "model.fusion"), weighted);
    }
}
