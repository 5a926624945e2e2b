package org.scale4j.examples.price;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ColumnRequirement;
import org.scale4j.api.modality.ColumnType;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.RowView;

/**
 * Collates a numeric vector of size {@code D} into {@code T = D + 1} tokens: position 0 is the
 * summary token (value 0; the encoder gives it a learned vector), position {@code t} carries
 * number {@code t-1}.
 *
 * <p>Tensors, {@code B} samples:
 * <ul>
 *   <li>{@code feats [B,T,1]} float32: the (scaled) numbers, 0 where hidden or missing;</li>
 *   <li>{@code shown [B,T]} float32 ({@link NumericTensors#SHOWN}): 0 where a number was hidden;</li>
 *   <li>{@code mask [B,T]}: 1 at every position of a present sample, all 0 for a missing one;</li>
 *   <li>{@code present [B]}: 0 where the column is null: the modality is missing for that product;</li>
 *   <li>with masking ({@link MaskingRequest#ZERO}, requested by {@code mnm}): targets
 *       {@code target [B,T,1]} (the unhidden scaled numbers) and {@code masked [B,T]} (1 where a
 *       number was selected). A selected number is hidden unless a draw below {@code keepRatio}
 *       keeps it.</li>
 * </ul>
 *
 * <p>The random generator is the batch's seeded one, so a batch is a pure function of its
 * position, as scale4j's resume requires; no state is kept between calls.
 */
final class NumericVectorCollator implements ModalityCollator {

    private final ModalityContext context;
    private final int dim;
    private final boolean log1p;
    private final ModalitySpec spec;

    NumericVectorCollator(ModalityContext context, int dim, boolean log1p) {
        this.context = context;
        this.dim = dim;
        this.log1p = log1p;
        // featureDim 1: each token carries one number; no vocabulary (not a token kind), no boxes.
        this.spec = new ModalitySpec(context.modality(), NumericVectorKind.NAME, dim + 1, 1, 0, null);
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public List<ColumnRequirement> columns() {
        // scale4j checks the column's type and size when the dataset opens, naming this recipe key.
        return List.of(new ColumnRequirement(context.column(), ColumnType.FLOAT_VECTOR, dim, context.recipeKey() + ".dim"));
    }

    @Override
    public String validate(RowView row) {
        float[] values = row.floats(context.column());
        if (values.length != dim) {
            return context.column() + ": " + values.length + " numbers, the recipe says " + dim + " ("
                    + context.recipeKey() + ".dim)";
        }
        for (int i = 0; i < dim; i++) {
            if (!Float.isFinite(values[i])) {
                return context.column() + ": NaN or infinite number at position " + i
                        + "; clean the data or make the value null";
            }
        }
        return null;
    }

    @Override
    public ModalityBatch collate(List<RowView> rows, MaskingRequest masking, Random rng, NDManager manager) {
        if (masking != null && !masking.scheme().equals(MaskingRequest.ZERO)) {
            throw new IllegalArgumentException("modality " + spec.name() + " (kind " + NumericVectorKind.NAME
                    + ") supports masking scheme '" + MaskingRequest.ZERO + "' only, got '" + masking.scheme() + "'");
        }
        int b = rows.size();
        int t = dim + 1;
        float[] feats = new float[b * t];
        float[] target = new float[b * t];
        float[] shown = new float[b * t];
        float[] selected = new float[b * t];
        float[] mask = new float[b * t];
        float[] present = new float[b];
        java.util.Arrays.fill(shown, 1f);
        for (int i = 0; i < b; i++) {
            RowView row = rows.get(i);
            if (row.isNull(context.column())) {
                continue; // missing: present 0, mask 0, no masking draws
            }
            present[i] = 1f;
            float[] values = row.floats(context.column());
            for (int p = 0; p < t; p++) {
                mask[i * t + p] = 1f;
            }
            for (int k = 0; k < dim; k++) {
                int at = i * t + k + 1;
                float value = scale(values[k]);
                target[at] = value;
                feats[at] = value;
                if (masking != null && rng.nextDouble() < masking.ratio()) {
                    selected[at] = 1f;
                    if (rng.nextDouble() >= masking.keepRatio()) {
                        feats[at] = 0f;
                        shown[at] = 0f;
                    }
                }
            }
        }
        Map<String, NDArray> inputs = new TreeMap<>();
        inputs.put(TensorKeys.FEATS, manager.create(feats, new Shape(b, t, 1)));
        inputs.put(NumericTensors.SHOWN, manager.create(shown, new Shape(b, t)));
        Map<String, NDArray> targets = new TreeMap<>();
        if (masking != null) {
            targets.put(TensorKeys.TARGET, manager.create(target, new Shape(b, t, 1)));
            targets.put(TensorKeys.MASKED, manager.create(selected, new Shape(b, t)));
        }
        return new ModalityBatch(spec.name(), manager.create(present), manager.create(mask, new Shape(b, t)), inputs,
                targets);
    }

    private float scale(float x) {
        return log1p ? (float) (Math.signum(x) * Math.log1p(Math.abs(x))) : x;
    }
}
