package org.scale4j.training.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.MaskedInputs;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionOutput;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonyWeights;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.ObjectiveOutput;
import org.scale4j.training.parallel.DeviceBoundary;
import org.scale4j.training.parallel.ReplicaSet;
import org.scale4j.training.parallel.ShardPlan;

/**
 * The assembled SCALE model: one encoder per modality (possibly shared), one contrastive pooler
 * per modality ({@code Linear(H→P)} + ReLU, spec 2.6(a)), a fusion, objective heads, and the
 * harmonizer as a function.
 *
 * <p>Two phases (see the package doc): {@link #forwardShard} per shard, {@link #gather}, then the
 * harmonizer and objectives once on the global batch ({@link #computeLoss}). With dropout 0,
 * one full batch and {@code k} micro-batches give the same loss and gradients up to float error.
 *
 * <p>Child blocks, in this order (DJL prefixes parameter names with the position):
 * {@code encoder_<m>} for each modality owning an encoder (sorted), {@code pooler_<m>},
 * {@code fusion}, {@code objective_<key>}. Initialisable without input shapes:
 * {@code Engine.getInstance().setRandomSeed(seed); model.initialize(manager, FLOAT32)}.
 */
public final class ScaleModel extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<ModalitySpec> modalities;
    private final List<String> names;
    private final int hidden;
    private final SortedMap<String, ModalityEncoder> encoders;
    private final SortedMap<String, String> sharing;
    private final SortedMap<String, Linear> poolers = new TreeMap<>();
    private final Fusion fusion;
    private final Harmonizer harmonizer;
    private final List<NamedObjective> objectives;

    ScaleModel(List<ModalitySpec> modalities, int hidden, int contrastiveDim, float initStd,
            SortedMap<String, ModalityEncoder> encoders, SortedMap<String, String> sharing, Fusion fusion,
            Harmonizer harmonizer, List<NamedObjective> objectives) {
        super(VERSION);
        this.modalities = modalities.stream().sorted(java.util.Comparator.comparing(ModalitySpec::name)).toList();
        this.names = this.modalities.stream().map(ModalitySpec::name).toList();
        this.hidden = hidden;
        this.encoders = new TreeMap<>(encoders);
        this.sharing = new TreeMap<>(sharing);
        this.harmonizer = harmonizer;
        this.objectives = List.copyOf(objectives);
        Set<ModalityEncoder> registered = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (String name : names) {
            ModalityEncoder encoder = this.encoders.get(name);
            if (registered.add(encoder)) {
                addChildBlock("encoder_" + name, encoder);
            }
        }
        for (String name : names) {
            poolers.put(name, addChildBlock("pooler_" + name,
                    Initialization.bert(Linear.builder().setUnits(contrastiveDim).build(), initStd)));
        }
        this.fusion = addChildBlock("fusion", fusion);
        for (NamedObjective objective : this.objectives) {
            addChildBlock("objective_" + objective.key(), objective.objective());
        }
    }

    /** The modality names, sorted. */
    public List<String> modalityNames() {
        return names;
    }

    /** The objective keys in recipe order. */
    public List<String> objectiveKeys() {
        return objectives.stream().map(NamedObjective::key).toList();
    }

    /**
     * The masking the objectives ask the data layer to apply, at most one per modality.
     *
     * @throws IllegalArgumentException when two objectives ask to mask the same modality
     */
    public List<MaskingRequest> masking() {
        Map<String, String> owner = new HashMap<>();
        List<MaskingRequest> requests = new ArrayList<>();
        for (NamedObjective objective : objectives) {
            for (MaskingRequest request : objective.objective().masking()) {
                String previous = owner.putIfAbsent(request.modality(), objective.key());
                if (previous != null) {
                    throw new IllegalArgumentException("objectives " + previous + " and " + objective.key()
                            + " both mask modality " + request.modality() + "; keep one masked task per modality");
                }
                requests.add(request);
            }
        }
        return requests;
    }

    /** Seeds the engine and creates every parameter (no input shapes needed). */
    public void initialize(NDManager manager, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        initialize(manager, DataType.FLOAT32);
    }

    /**
     * Phase 1 on one shard: encoders, poolers and fusion, all per sample.
     *
     * @param shard a batch holding a subset of the global batch's samples
     */
    public ShardOutput forwardShard(ParameterStore ps, Batch shard, boolean training) {
        SortedMap<String, EncoderOutput> unimodal = new TreeMap<>();
        SortedMap<String, NDArray> contrastive = new TreeMap<>();
        NDList present = new NDList();
        for (String name : names) {
            var input = MaskedInputs.apply(shard.modality(name));
            EncoderOutput out = encoders.get(name).encode(ps, input, training);
            unimodal.put(name, out);
            NDArray pooled = poolers.get(name).forward(ps, new NDList(out.summary()), training).singletonOrThrow();
            contrastive.put(name, ai.djl.nn.Activation.relu(pooled));
            present.add(input.present());
        }
        NDArray presence = NDArrays.stack(present, 1);
        FusionOutput fused = fusion.fuse(ps, unimodal, presence, training);
        return new ShardOutput(names, presence, unimodal, contrastive, fused);
    }

    /** Concatenates shard outputs along the batch axis, in shard order. */
    public ShardOutput gather(List<ShardOutput> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shards to gather");
        }
        if (shards.size() == 1) {
            return shards.get(0);
        }
        SortedMap<String, EncoderOutput> unimodal = new TreeMap<>();
        SortedMap<String, NDArray> contrastive = new TreeMap<>();
        SortedMap<String, EncoderOutput> fused = new TreeMap<>();
        for (String name : names) {
            unimodal.put(name, concatOutputs(shards.stream().map(s -> s.unimodal().get(name)).toList()));
            contrastive.put(name, concat(shards.stream().map(s -> s.contrastive().get(name)).toList()));
            fused.put(name, concatOutputs(shards.stream().map(s -> s.fused().of(name)).toList()));
        }
        NDArray present = concat(shards.stream().map(ShardOutput::present).toList());
        return new ShardOutput(names, present, unimodal, contrastive, new FusionOutput(fused));
    }

    private static EncoderOutput concatOutputs(List<EncoderOutput> parts) {
        return new EncoderOutput(concat(parts.stream().map(EncoderOutput::states).toList()),
                concat(parts.stream().map(EncoderOutput::mask).toList()));
    }

    private static NDArray concat(List<NDArray> parts) {
        return NDArrays.concat(new NDList(parts), 0);
    }

    /**
     * Phase 2: the harmonizer (contrastive weights from the pooled features, task weights from the
     * fused summaries) on the gathered outputs.
     */
    public ModelOutput harmonize(ShardOutput gathered) {
        NDArray pooled = NDArrays.stack(new NDList(names.stream().map(gathered.contrastive()::get).toList()), 1);
        NDArray summaries = NDArrays.stack(
                new NDList(names.stream().map(n -> gathered.fused().of(n).summary()).toList()), 1);
        HarmonyWeights contrastWeights = harmonizer.harmonize(names, pooled, gathered.present());
        HarmonyWeights taskWeights = harmonizer.harmonize(names, summaries, gathered.present());
        return new ModelOutput(names, gathered.present(), gathered.unimodal(), gathered.contrastive(),
                contrastWeights, gathered.fused(), taskWeights);
    }

    /**
     * The loss of a global batch computed over shards on one device: phase 1 per shard, gather,
     * phase 2 once.
     *
     * @param global the global batch (its targets are what the objectives read)
     * @param shards the global batch split along the batch axis, in order (see {@link BatchShards});
     *     {@code List.of(global)} for no sharding
     */
    public LossResult computeLoss(ParameterStore ps, Batch global, List<Batch> shards, boolean training) {
        List<ShardOutput> outputs = new ArrayList<>();
        for (Batch shard : shards) {
            outputs.add(forwardShard(ps, shard, training));
        }
        return lossOfGathered(ps, global, gather(outputs), training, List.of());
    }

    /**
     * The loss of a global batch spread over replicas (data parallelism): the batch is cut into
     * {@link ShardPlan#shards} shards, each moved to and run through phase 1 on its replica's
     * device with that replica's parameter copies; the outputs cross to the primary device (see
     * {@link DeviceBoundary}), are gathered in sample order, and phase 2 runs once there, so the
     * contrastive negatives are the whole global batch. Back-propagate with
     * {@link LossResult#backward}, then {@link ReplicaSet#reduceGradients}.
     *
     * @param global the global batch, on the primary device
     * @param microBatches shards per replica
     */
    public LossResult computeLoss(ReplicaSet replicas, Batch global, int microBatches, boolean training) {
        int replicaCount = replicas.size();
        int count = ShardPlan.shards(global.size(), replicaCount, microBatches);
        if (count == 1) {
            return computeLoss(replicas.store(0), global, List.of(global), training);
        }
        List<Batch> shards = BatchShards.split(global, count,
                shard -> replicas.device(ShardPlan.owner(shard, count, replicaCount)));
        List<ShardOutput> outputs = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            outputs.add(forwardShard(replicas.store(ShardPlan.owner(j, count, replicaCount)), shards.get(j), training));
        }
        if (replicaCount == 1) {
            return lossOfGathered(replicas.store(0), global, gather(outputs), training, List.of());
        }
        // Every shard crosses a boundary only after all have been launched: on GPUs a cross waits
        // for its device, and the forward passes should run concurrently. The primary's shards
        // cross too (a detach, no copy), so that the loss's backward covers phase 2 alone and each
        // device's phase-1 backward is a separate call, which CUDA can run alongside the others.
        Device primary = replicas.device(0);
        Map<Integer, DeviceBoundary> boundaries = new TreeMap<>();
        List<ShardOutput> crossed = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            DeviceBoundary boundary = boundaries.computeIfAbsent(ShardPlan.owner(j, count, replicaCount),
                    r -> new DeviceBoundary(primary));
            crossed.add(outputs.get(j).map(boundary::cross));
        }
        return lossOfGathered(replicas.store(0), global, gather(crossed), training, List.copyOf(boundaries.values()));
    }

    /** Phase 2 and the objectives on the gathered outputs. */
    private LossResult lossOfGathered(ParameterStore ps, Batch global, ShardOutput gathered, boolean training,
            List<DeviceBoundary> boundaries) {
        if (gathered.present().getShape().get(0) != global.size()) {
            throw new IllegalArgumentException("the shards hold " + gathered.present().getShape().get(0)
                    + " samples but the global batch has " + global.size());
        }
        ModelOutput output = harmonize(gathered);
        NDManager manager = gathered.present().getManager();
        NDArray total = manager.create(0f);
        SortedMap<String, NDArray> losses = new TreeMap<>();
        SortedMap<String, NDArray> metrics = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (NamedObjective objective : objectives) {
            ObjectiveOutput out = objective.objective().compute(ps, global, output, training);
            losses.put(objective.key(), out.loss());
            out.metrics().forEach((k, v) -> metrics.put(objective.key() + "/" + k, v));
            skipped.addAll(out.skipped());
            total = total.add(org.scale4j.api.nn.Scalars.mul(out.loss(), (float) objective.weight()));
        }
        return new LossResult(total, losses, metrics, weightSummaries(output), skipped, boundaries);
    }

    /** Host summaries of the harmonizer weights, for logging (two small copies per step). */
    private SortedMap<String, Double> weightSummaries(ModelOutput output) {
        NDArray present = output.present();
        NDArray counts = present.sum(new int[] {0}).maximum(1f);
        float[] modality = output.taskWeights().modalityWeights().mul(present).sum(new int[] {0}).div(counts)
                .toFloatArray();
        NDArray both = present.expandDims(2).mul(present.expandDims(1));
        float[] pairs = output.contrastWeights().pairWeights().mul(both).sum(new int[] {0})
                .div(both.sum(new int[] {0}).maximum(1f)).toFloatArray();
        SortedMap<String, Double> weights = new TreeMap<>();
        int m = names.size();
        for (int i = 0; i < m; i++) {
            weights.put("weight/" + names.get(i), (double) modality[i]);
            for (int j = i + 1; j < m; j++) {
                weights.put("pair/" + names.get(i) + "-" + names.get(j), (double) pairs[i * m + j]);
            }
        }
        return weights;
    }

    /** Eval-mode features (no dropout) of an unmasked batch, for retrieval, classification, clustering. */
    public EvalFeatures forwardEval(ParameterStore ps, Batch batch) {
        ShardOutput out = forwardShard(ps, batch, false);
        SortedMap<String, NDArray> summaries = new TreeMap<>();
        for (String name : names) {
            summaries.put(name, out.fused().of(name).summary());
        }
        return new EvalFeatures(names, out.present(), summaries, out.contrastive());
    }

    /** Parameter counts per part. */
    public ParameterReport parameterReport() {
        SortedMap<String, Long> parts = new TreeMap<>();
        Map<ModalityEncoder, String> seen = new IdentityHashMap<>();
        for (String name : names) {
            ModalityEncoder encoder = encoders.get(name);
            if (seen.putIfAbsent(encoder, name) == null) {
                parts.put("encoder/" + name, count(encoder));
            }
        }
        poolers.forEach((name, pooler) -> parts.put("pooler/" + name, count(pooler)));
        parts.put("fusion", count(fusion));
        for (NamedObjective objective : objectives) {
            parts.put("objective/" + objective.key(), count(objective.objective()));
        }
        return new ParameterReport(parts, sharing, count(this));
    }

    /** The number of distinct scalars in a block's parameters (a parameter reached twice counts once). */
    static long count(Block block) {
        Map<String, Long> byId = new LinkedHashMap<>();
        for (Parameter parameter : block.getParameters().values()) {
            byId.putIfAbsent(parameter.getId(), parameter.getShape().size());
        }
        return byId.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("ScaleModel is called through computeLoss/forwardShard/forwardEval");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            if (child instanceof Linear pooler) {
                pooler.initialize(manager, dataType, new Shape(-1, hidden));
            } else {
                child.initialize(manager, dataType);
            }
        }
    }
}
