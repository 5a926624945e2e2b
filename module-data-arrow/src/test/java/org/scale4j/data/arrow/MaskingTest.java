package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.MaskedInputs;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.modality.Vocabulary;

/** Masking statistics and rules over many samples (spec 1.6). */
class MaskingTest {

    @TempDir static Path tmp;
    static Dataset dataset;
    static NDManager manager;

    @BeforeAll
    static void open() {
        dataset = TestData.open(TestData.tiny(tmp, 1200, 9), TestData.context(tmp, 9));
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        dataset.close();
        manager.close();
    }

    /** Runs {@code epochs} passes with the masks on and feeds every batch to {@code check}. */
    private static void forEachBatch(int epochs, java.util.function.Consumer<Batch> check) {
        List<MaskingRequest> masks = List.of(new MaskingRequest("text", "token", 0.15, 0),
                new MaskingRequest("table", "entity", 0.15, 0), new MaskingRequest("image", "zero", 0.15, 0.1),
                new MaskingRequest("video", "zero", 0.15, 0), new MaskingRequest("audio", "zero", 0.15, 0));
        BatchOptions options = new BatchOptions(64, true, 5, masks, false, true, 2);
        long batches = epochs * ((dataset.size("train") + 63) / 64);
        try (BatchStream s = dataset.stream("train", options, DataPosition.START)) {
            for (long i = 0; i < batches; i++) {
                try (Batch b = s.next(manager)) {
                    check.accept(b);
                }
            }
        }
    }

    @Test
    void mlmSelects15PercentWith80_10_10AndNeverPaddingOrAbsentRows() {
        Vocabulary v = dataset.modalities().stream().filter(m -> m.name().equals("text")).findFirst().orElseThrow()
                .vocab();
        long[] counts = new long[4]; // candidates, selected, [MASK], unchanged
        forEachBatch(4, b -> { // 4 epochs of masks: over 20,000 candidate tokens for the ratio checks
            ModalityBatch text = b.modality("text");
            long[] ids = text.input(TensorKeys.IDS).toLongArray();
            long[] labels = text.target(TensorKeys.LABELS).toLongArray();
            float[] mask = text.mask().toFloatArray();
            float[] present = text.present().toFloatArray();
            int t = (int) text.mask().getShape().get(1);
            for (int i = 0; i < b.size(); i++) {
                int len = 0;
                while (len < t && mask[i * t + len] == 1f) {
                    len++;
                }
                if (present[i] == 0f) {
                    assertEquals(0, len, "absent rows have an all-zero mask");
                }
                for (int p = 0; p < t; p++) {
                    int at = i * t + p;
                    boolean candidate = p > 0 && p < len - 1;
                    if (!candidate) {
                        assertEquals(-1, labels[at], "padding, [CLS], [SEP] and absent rows are never masked");
                        continue;
                    }
                    counts[0]++;
                    if (labels[at] >= 0) {
                        counts[1]++;
                        if (ids[at] == v.maskId()) {
                            counts[2]++;
                        } else if (ids[at] == labels[at]) {
                            counts[3]++;
                        }
                    }
                }
            }
        });
        double selected = (double) counts[1] / counts[0];
        double masked = (double) counts[2] / counts[1];
        double unchanged = (double) counts[3] / counts[1];
        assertTrue(counts[0] > 20000, "enough tokens: " + counts[0]);
        assertEquals(0.15, selected, 0.01, "selection ratio");
        assertEquals(0.80, masked, 0.03, "[MASK] share");
        // unchanged includes random draws that hit the same token (rare with this vocabulary)
        assertEquals(0.10, unchanged, 0.03, "unchanged share");
    }

    @Test
    void memMasksWholeKeyOrValueSpans() {
        Vocabulary v = dataset.modalities().stream().filter(m -> m.name().equals("table")).findFirst().orElseThrow()
                .vocab();
        long[] counts = new long[3]; // entries, masked spans, masked key spans
        forEachBatch(2, b -> {
            ModalityBatch table = b.modality("table");
            long[] ids = table.input(TensorKeys.IDS).toLongArray();
            long[] types = table.input(TensorKeys.TYPES).toLongArray();
            long[] labels = table.target(TensorKeys.LABELS).toLongArray();
            float[] mask = table.mask().toFloatArray();
            int t = (int) table.mask().getShape().get(1);
            for (int i = 0; i < b.size(); i++) {
                int len = 0;
                while (len < t && mask[i * t + len] == 1f) {
                    len++;
                }
                for (int p = len; p < t; p++) {
                    assertEquals(-1, labels[i * t + p], "padding never masked");
                }
                if (len == 0) {
                    continue;
                }
                assertEquals(-1, labels[i * t]);
                assertEquals(-1, labels[i * t + len - 1]);
                // spans: maximal runs of one type id between [CLS] and [SEP]; keys are type 0, values 1
                int p = 1;
                while (p < len - 1) {
                    int q = p;
                    while (q < len - 1 && types[i * t + q] == types[i * t + p]) {
                        q++;
                    }
                    int maskedInSpan = 0;
                    for (int r = p; r < q; r++) {
                        if (labels[i * t + r] >= 0) {
                            maskedInSpan++;
                            assertEquals(v.maskId(), ids[i * t + r], "MEM uses [MASK] only");
                        }
                    }
                    assertTrue(maskedInSpan == 0 || maskedInSpan == q - p, "a span is masked whole or not at all");
                    if (types[i * t + p] == 0) {
                        counts[0]++;
                    }
                    if (maskedInSpan > 0) {
                        counts[1]++;
                        counts[2] += types[i * t + p] == 0 ? 1 : 0;
                    }
                    p = q;
                }
            }
        });
        assertTrue(counts[0] > 3000, "enough entries: " + counts[0]);
        assertEquals(0.15, (double) counts[1] / counts[0], 0.02, "entity selection ratio");
        assertEquals(0.5, (double) counts[2] / counts[1], 0.06, "key vs value spans");
    }

    @Test
    void featureMaskingZeroesSelectedRealRowsKeepsTargetsAndMeansOverValidRows() {
        double[] image = new double[3]; // real rows, selected, selected but kept
        double[] video = new double[3];
        forEachBatch(2, b -> {
            count(b.modality("image"), image);
            count(b.modality("video"), video);
        });
        assertEquals(0.15, image[1] / image[0], 0.015, "MRM selection ratio");
        assertEquals(0.10, image[2] / image[1], 0.04, "MRM keeps 10% of selected regions");
        assertEquals(0.15, video[1] / video[0], 0.015, "MFM selection ratio");
        assertEquals(0.0, video[2], 0.0, "MFM zeroes every selected frame");
    }

    private static void count(ModalityBatch m, double[] acc) {
        float[] mask = m.mask().toFloatArray();
        float[] present = m.present().toFloatArray();
        float[] selected = m.target(TensorKeys.MASKED).toFloatArray();
        float[] dropped = m.input(TensorKeys.DROPPED).toFloatArray();
        ModalityBatch model = MaskedInputs.apply(m); // what the encoder sees
        assertFalse(model.inputs().containsKey(TensorKeys.DROPPED), "the model input no longer carries the drop mask");
        float[] feats = model.input(TensorKeys.FEATS).toFloatArray();
        float[] target = m.target(TensorKeys.TARGET).toFloatArray();
        int b = (int) m.mask().getShape().get(0);
        int t = (int) m.mask().getShape().get(1);
        int d = (int) m.input(TensorKeys.FEATS).getShape().get(2);
        for (int i = 0; i < b; i++) {
            assertEquals(0f, selected[i * t], "the global token is never masked");
            assertEquals(0f, dropped[i * t], "the global token is never dropped");
            double[] mean = new double[d];
            int real = 0;
            for (int p = 1; p < t; p++) {
                int at = i * t + p;
                if (mask[at] == 0f) {
                    assertEquals(0f, selected[at], "padding and absent rows are never masked");
                    assertEquals(0f, dropped[at], "padding and absent rows are never dropped");
                    // the collator writes tensors in place in reused memory: padding must be written as zeros
                    assertZeroRow(feats, at, d, "padding input row");
                    assertZeroRow(target, at, d, "padding target row");
                    continue;
                }
                real++;
                acc[0]++;
                boolean zeroed = true;
                for (int k = 0; k < d; k++) {
                    zeroed &= feats[at * d + k] == 0f;
                    mean[k] += feats[at * d + k];
                }
                assertEquals(zeroed ? 1f : 0f, dropped[at], "the drop mask flags exactly the zeroed input rows");
                boolean targetZero = true;
                for (int k = 0; k < d; k++) {
                    targetZero &= target[at * d + k] == 0f;
                }
                assertFalse(targetZero, "the target keeps every real row, dropped ones included");
                if (selected[at] == 1f) {
                    acc[1]++;
                    if (!zeroed) {
                        acc[2]++;
                        for (int k = 0; k < d; k++) {
                            assertEquals(target[at * d + k], feats[at * d + k], "kept rows are unchanged");
                        }
                    }
                } else {
                    assertFalse(zeroed, "unselected rows keep their features");
                    for (int k = 0; k < d; k++) {
                        assertEquals(target[at * d + k], feats[at * d + k]);
                    }
                }
            }
            if (present[i] == 0f) {
                assertEquals(0, real);
                assertEquals(0f, mask[i * t]);
                assertZeroRow(feats, i * t, d, "an absent sample's global token");
            } else {
                assertEquals(1f, mask[i * t]);
                for (int k = 0; k < d; k++) {
                    assertEquals(mean[k] / real, feats[i * t * d + k], 1e-4, "global token = mean of masked rows");
                }
            }
        }
    }

    private static void assertZeroRow(float[] values, int row, int d, String what) {
        for (int k = 0; k < d; k++) {
            if (values[row * d + k] != 0f) {
                throw new AssertionError(what + ": element " + k + " of row " + row + " is " + values[row * d + k]);
            }
        }
    }
}
