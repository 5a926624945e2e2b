package org.scale4j.training.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveContext;
import org.scale4j.api.plugin.Configured;

/**
 * Builds a {@link ScaleModel} from a {@link ModelPlan}: every part comes from the provider the
 * recipe named, so switching an encoder, harmonizer, fusion or objective is a recipe change.
 *
 * <p>Order: encoders of modalities that own their weights (sorted), then sharing encoders (their
 * owner's token capacity is raised to fit every sharer), poolers, fusion, harmonizer, objectives
 * (which may tie to encoders, e.g. the MLM decoder to the text word embeddings). All recipe
 * problems found are reported together.
 */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /**
     * Builds the model; call {@link ScaleModel#initialize(ai.djl.ndarray.NDManager, long)} next.
     *
     * @throws IllegalArgumentException listing every problem of the plan
     */
    public static ScaleModel build(ModelPlan plan) {
        List<ModalitySpec> specs = new ArrayList<>(plan.modalities());
        specs.sort(Comparator.comparing(ModalitySpec::name));
        checkPlan(plan, specs);
        SortedMap<String, ModalityEncoder> encoders = buildEncoders(plan, specs);
        Fusion fusion = plan.fusion().provider().createFrom(specs, plan.dims(), plan.fusion().config());
        Harmonizer harmonizer = plan.harmonizer().provider().createFrom(plan.harmonizer().config());
        List<NamedObjective> objectives = new ArrayList<>();
        Map<String, Integer> repeats = new HashMap<>();
        for (WeightedObjective weighted : plan.objectives()) {
            var configured = weighted.objective();
            ObjectiveContext context = new ObjectiveContext(specs, plan.dims(), plan.contrastiveDim(), encoders,
                    configured.recipeKey());
            Objective objective = configured.provider().createFrom(context, configured.config());
            String name = configured.provider().name();
            int seen = repeats.merge(name, 1, Integer::sum);
            objectives.add(new NamedObjective(seen == 1 ? name : name + "#" + seen, weighted.weight(), objective));
        }
        return new ScaleModel(specs, plan.dims().hidden(), plan.contrastiveDim(), plan.dims().initStd(), encoders,
                new TreeMap<>(plan.sharing()), fusion, harmonizer, objectives);
    }

    private static void checkPlan(ModelPlan plan, List<ModalitySpec> specs) {
        List<String> problems = new ArrayList<>();
        List<String> names = specs.stream().map(ModalitySpec::name).toList();
        if (names.isEmpty()) {
            problems.add("data.modalities: the model needs at least one modality");
        }
        if (names.stream().distinct().count() != names.size()) {
            problems.add("data.modalities: duplicate modality names in " + names);
        }
        for (String name : names) {
            if (!plan.encoders().containsKey(name)) {
                problems.add("model.encoders." + name + ": no encoder for modality " + name);
            }
        }
        for (String name : plan.encoders().keySet()) {
            if (!names.contains(name)) {
                problems.add("model.encoders." + name + ": no such modality; the data has " + names);
            }
        }
        plan.sharing().forEach((sharer, owner) -> {
            if (!names.contains(sharer) || !names.contains(owner)) {
                problems.add("model.share." + sharer + ": both '" + sharer + "' and '" + owner
                        + "' must be modalities of " + names);
            } else if (sharer.equals(owner)) {
                problems.add("model.share." + sharer + ": a modality cannot share with itself");
            } else if (plan.sharing().containsKey(owner)) {
                problems.add("model.share." + sharer + ": owner '" + owner + "' shares with '"
                        + plan.sharing().get(owner) + "' itself; name the final owner");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the model recipe has " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static SortedMap<String, ModalityEncoder> buildEncoders(ModelPlan plan, List<ModalitySpec> specs) {
        Map<String, ModalitySpec> byName = new TreeMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        SortedMap<String, ModalityEncoder> encoders = new TreeMap<>();
        for (ModalitySpec spec : specs) {
            if (plan.sharing().containsKey(spec.name())) {
                continue;
            }
            int capacity = spec.tokens();
            for (var share : plan.sharing().entrySet()) {
                if (share.getValue().equals(spec.name())) {
                    capacity = Math.max(capacity, byName.get(share.getKey()).tokens());
                }
            }
            ModalitySpec sized = new ModalitySpec(spec.name(), spec.kind(), capacity, spec.featureDim(),
                    spec.boxDim(), spec.vocab());
            Configured<EncoderProvider<?>> configured = plan.encoders().get(spec.name());
            encoders.put(spec.name(), configured.provider().createFrom(sized, plan.dims(), configured.config()));
        }
        for (var share : plan.sharing().entrySet()) {
            ModalitySpec spec = byName.get(share.getKey());
            Configured<EncoderProvider<?>> configured = plan.encoders().get(spec.name());
            encoders.put(spec.name(), configured.provider().createSharedFrom(spec, plan.dims(), configured.config(),
                    encoders.get(share.getValue())));
        }
        return encoders;
    }
}
