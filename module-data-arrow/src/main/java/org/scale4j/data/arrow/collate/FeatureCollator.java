package org.scale4j.data.arrow.collate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
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
import org.scale4j.data.arrow.dataset.ArrowRow;

/**
 * The {@code regions} and {@code frames} kinds (spec 1.6 steps 1, 4, 5 and 7): up to
 * {@code max_len} feature rows per sample behind a global mean token, {@code T = max_len + 1}.
 *
 * <p>Tensors: {@code feats [B,T,D]} (position 0 the mean of the sample's real rows after masking;
 * zero when it has none, spec quirk Q7), {@code mask [B,T]}, {@code present [B]} (a null value or
 * an empty list is a missing modality: all zeros, never fake rows, spec quirk Q3), and for regions
 * {@code boxes [B,T,5]} with {@code [0,0,1,1,1]} at position 0.
 *
 * <p>Masking ({@link MaskingRequest#ZERO}, MRM/MFM/MAM): each real row is selected with
 * probability {@code ratio}; a selected row is dropped (zeroed in the model input) unless a draw
 * below {@code keepRatio} keeps it (MRM keeps 10%). Tensors then: {@code dropped [B,T]} (input), 1
 * at every dropped row, and the targets {@code masked [B,T]}, 1 at every selected row, and
 * {@code target}, which is the {@code feats} tensor itself: {@code feats} holds the unmasked rows,
 * and {@link org.scale4j.api.batch.MaskedInputs} zeroes the dropped ones on the model's device.
 *
 * <p>Feature bytes are copied once, from the shard straight into the memory of the {@code feats}
 * tensor ({@link HostTensors}); each sample's kept rows are then summed, while still in cache, for
 * the mean token. Only padding is zero-filled. This runs on the loader thread in Java, not as
 * tensor ops, so it never competes with the model's intra-op threads.
 */
public final class FeatureCollator implements ModalityCollator, AutoCloseable {

    private static final int BOX = 5;

    private final ModalityContext context;
    private final String boxes;
    private final int dim;
    private final int maxLen;
    private final ModalitySpec spec;
    private final List<ColumnRequirement> columns;
    private final TensorPool pool = new TensorPool();

    /**
     * @param kind {@code regions} or {@code frames}
     * @param boxes the box column, or {@code null}
     */
    public FeatureCollator(ModalityContext context, String kind, String boxes, int dim, int maxLen) {
        this.context = context;
        this.boxes = boxes;
        this.dim = dim;
        this.maxLen = maxLen;
        this.spec = new ModalitySpec(context.modality(), kind, maxLen + 1, dim, boxes == null ? 0 : BOX, null);
        List<ColumnRequirement> required = new ArrayList<>();
        required.add(new ColumnRequirement(context.column(), ColumnType.FLOAT_ROWS, dim, context.recipeKey() + ".column"));
        if (boxes != null) {
            required.add(new ColumnRequirement(boxes, ColumnType.FLOAT_ROWS, BOX, context.recipeKey() + ".boxes"));
        }
        this.columns = List.copyOf(required);
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public List<ColumnRequirement> columns() {
        return columns;
    }

    @Override
    public String validate(RowView row) {
        String column = context.column();
        int n = row.listLength(column);
        String unit = spec.kind().equals("regions") ? "regions" : "rows";
        if (n > maxLen) {
            return column + ": " + n + " " + unit + ", the recipe allows " + maxLen + " (" + context.recipeKey()
                    + ".max_len)";
        }
        if (row instanceof ArrowRow arrow) {
            if (arrow.nullsInside(column) > 0) {
                return column + ": null values inside the feature list; write real numbers or drop the modality";
            }
            int[] bad = arrow.firstNonFinite(column);
            if (bad != null) {
                return column + ": NaN or infinite value at " + unit.substring(0, unit.length() - 1) + " " + bad[0]
                        + ", dim " + bad[1] + "; clean the features or drop the modality for this row";
            }
        } else if (!allFinite(row.floatRows(column))) {
            return column + ": NaN or infinite value; clean the features";
        }
        if (boxes != null) {
            if (row.isNull(boxes)) {
                return boxes + ": null while " + column + " has " + n + " " + unit + "; every region needs a box";
            }
            int m = row.listLength(boxes);
            if (m != n) {
                return boxes + ": " + m + " boxes for " + n + " " + unit + " in " + column + "; they must match";
            }
            if (row instanceof ArrowRow arrow ? arrow.firstNonFinite(boxes) != null : !allFinite(row.floatRows(boxes))) {
                return boxes + ": NaN or infinite box coordinate";
            }
        }
        return null;
    }

    private static boolean allFinite(float[][] rows) {
        for (float[] r : rows) {
            for (float f : r) {
                if (!Float.isFinite(f)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public ModalityBatch collate(List<RowView> rows, MaskingRequest masking, Random rng, NDManager manager) {
        if (masking != null) {
            TitleCollator.requireScheme(masking, MaskingRequest.ZERO);
        }
        int b = rows.size();
        int t = maxLen + 1;
        // Rows land once in `feats`: with masking it is both the target and, but for the dropped
        // rows (zeroed in the model by MaskedInputs), the input.
        HostTensors.Writable feats = HostTensors.empty(manager, new Shape(b, t, dim), pool);
        ByteBuffer in = feats.bytes();
        FloatBuffer floats = feats.floats();
        int rowBytes = dim * Float.BYTES;
        float[] mask = new float[b * t];
        float[] present = new float[b];
        float[] selected = masking == null ? null : new float[b * t];
        float[] dropped = masking == null ? null : new float[b * t];
        float[] box = boxes == null ? null : new float[b * t * BOX];
        float[] sum = new float[dim];
        float[] rowValues = new float[dim];
        for (int i = 0; i < b; i++) {
            RowView row = rows.get(i);
            int first = i * t; // the sample's position 0, as a row index of the [B*T, D] tensor
            in.position((first + 1) * rowBytes);
            feats.written(first + 1, Math.min(row.listLength(context.column()), maxLen));
            int n = row.copyFloatRows(context.column(), maxLen, in);
            // The tensor is uninitialised or recycled: zero the padding rows (and, for a missing
            // sample, the mean token); rows already zero from the previous batch are skipped.
            feats.zero(first + n + 1, t - 1 - n, rowBytes);
            if (n == 0) {
                feats.zero(first, 1, rowBytes); // null or empty: a missing modality, all zeros
                continue;
            }
            present[i] = 1f;
            java.util.Arrays.fill(mask, i * t, i * t + n + 1, 1f);
            sumKept(floats, first, n, masking, rng, selected, dropped, sum, rowValues);
            float inv = 1f / n; // n >= 1 here: no 0/0 for a sample without rows (spec quirk Q7)
            for (int k = 0; k < dim; k++) {
                sum[k] *= inv;
            }
            feats.written(first, 1);
            floats.put(first * dim, sum);
            if (box != null) {
                int at = i * t * BOX;
                box[at + 2] = 1f;
                box[at + 3] = 1f;
                box[at + 4] = 1f;
                copyBoxes(row, n, box, at + BOX);
            }
        }
        NDArray features = feats.finish();
        Map<String, NDArray> inputs = new TreeMap<>();
        inputs.put(TensorKeys.FEATS, features);
        Map<String, NDArray> targets = new TreeMap<>();
        if (masking != null) {
            inputs.put(TensorKeys.DROPPED, HostTensors.of(manager, dropped, new Shape(b, t)));
            targets.put(TensorKeys.TARGET, features);
            targets.put(TensorKeys.MASKED, HostTensors.of(manager, selected, new Shape(b, t)));
        }
        if (box != null) {
            inputs.put(TensorKeys.BOXES, HostTensors.of(manager, box, new Shape(b, t, BOX)));
        }
        return new ModalityBatch(spec.name(), HostTensors.of(manager, present, new Shape(b)),
                HostTensors.of(manager, mask, new Shape(b, t)), inputs, targets);
    }

    /**
     * Draws the masking of the sample's {@code n} rows (at tensor rows {@code first + 1 ...}) and
     * sums the rows the input keeps into {@code sum} for the global token: the mean of the rows
     * after masking, as in the released code (a dropped row adds zero). Each kept row passes
     * through {@code rowValues} (one row, still in cache), so the sum is a loop over two arrays at
     * the same index, which the JIT vectorizes; with an offset into a shared buffer it stayed
     * scalar and cost more than all the copies.
     */
    private void sumKept(FloatBuffer floats, int first, int n, MaskingRequest masking, Random rng, float[] selected,
            float[] dropped, float[] sum, float[] rowValues) {
        java.util.Arrays.fill(sum, 0f);
        for (int r = 1; r <= n; r++) {
            if (masking != null && rng.nextDouble() < masking.ratio()) {
                selected[first + r] = 1f;
                if (rng.nextDouble() >= masking.keepRatio()) {
                    dropped[first + r] = 1f;
                    continue; // the input row will be zero and adds nothing to the mean
                }
            }
            floats.get((first + r) * dim, rowValues, 0, dim);
            addTo(sum, rowValues, dim);
        }
    }

    /** {@code sum[k] += values[k]} for {@code k < n}; same index on both sides, so the loop vectorizes. */
    private static void addTo(float[] sum, float[] values, int n) {
        for (int k = 0; k < n; k++) {
            sum[k] += values[k];
        }
    }

    /** The sample's first {@code n} boxes into {@code box} from {@code at}, without a {@code float[][]} on Arrow rows. */
    private void copyBoxes(RowView row, int n, float[] box, int at) {
        if (row instanceof ArrowRow arrow) {
            arrow.copyFloats(boxes, n, box, at);
            return;
        }
        float[][] rowBoxes = row.floatRows(boxes);
        for (int r = 0; r < n; r++) {
            System.arraycopy(rowBoxes[r], 0, box, at + r * BOX, BOX);
        }
    }

    /** Frees the recycled batch tensors (batches still open keep theirs until they close). */
    @Override
    public void close() {
        pool.close();
    }
}
