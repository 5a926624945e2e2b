package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.modality.MaskingRequest;

/** Shuffling, exact resume and prefetch-independence of the batch stream. */
class BatchStreamTest {

    @TempDir static Path tmp;
    static Dataset dataset;
    static NDManager manager;
    static final List<MaskingRequest> MASKS = List.of(new MaskingRequest("text", "token", 0.15, 0),
            new MaskingRequest("table", "entity", 0.15, 0), new MaskingRequest("image", "zero", 0.15, 0.1),
            new MaskingRequest("video", "zero", 0.15, 0), new MaskingRequest("audio", "zero", 0.15, 0));

    @BeforeAll
    static void open() {
        dataset = TestData.open(TestData.tiny(tmp, 240, 3), TestData.context(tmp, 3));
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        dataset.close();
        manager.close();
    }

    /** A batch's content as comparable strings: ids plus every tensor's values. */
    private static List<String> fingerprint(Batch b) {
        List<String> out = new ArrayList<>();
        out.add(b.ids().toString());
        for (ModalityBatch m : b.modalities().values()) {
            out.add(m.modality() + java.util.Arrays.toString(m.mask().toFloatArray()));
            m.inputs().forEach((k, v) -> out.add(k + java.util.Arrays.toString(v.toType(
                    ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray())));
            m.targets().forEach((k, v) -> out.add(k + java.util.Arrays.toString(v.toType(
                    ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray())));
        }
        return out;
    }

    private static List<List<String>> run(DataPosition from, int batches, int prefetch, List<DataPosition> positions) {
        List<List<String>> out = new ArrayList<>();
        BatchOptions options = new BatchOptions(16, true, 11, MASKS, true, true, prefetch);
        try (BatchStream s = dataset.stream("train", options, from)) {
            for (int i = 0; i < batches; i++) {
                try (Batch b = s.next(manager)) {
                    out.add(fingerprint(b));
                }
                if (positions != null) {
                    positions.add(s.position());
                }
            }
        }
        return out;
    }

    /**
     * Batch tensors are recycled (TensorPool): a batch the caller still holds must keep its values
     * while later batches are built, also after its stream closes and another stream of the same
     * dataset goes on.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 2})
    void aHeldBatchKeepsItsValuesWhileLaterBatchesAreBuilt(int prefetch) {
        BatchOptions options = new BatchOptions(16, true, 11, MASKS, true, true, prefetch);
        Batch held;
        List<String> before;
        try (BatchStream s = dataset.stream("train", options, DataPosition.START)) {
            s.next(manager).close();
            held = s.next(manager);
            before = fingerprint(held);
            for (int i = 0; i < 6; i++) {
                try (Batch b = s.next(manager)) {
                    assertNotEquals(before, fingerprint(b));
                }
            }
            assertEquals(before, fingerprint(held));
        }
        try (BatchStream other = dataset.stream("train", options, DataPosition.START)) {
            for (int i = 0; i < 6; i++) {
                other.next(manager).close();
            }
        }
        assertEquals(before, fingerprint(held), "still intact after its stream closed and another ran");
        held.close();
    }

    @Test
    void resumeContinuesWithExactlyTheNextBatch() {
        long n = dataset.size("train");
        int perEpoch = (int) (n / 16);
        List<DataPosition> positions = new ArrayList<>();
        List<List<String>> full = run(DataPosition.START, perEpoch * 2 + 3, 0, positions);
        for (int k : new int[] {1, perEpoch - 1, perEpoch, perEpoch + 2}) {
            List<List<String>> resumed = run(positions.get(k - 1), 3, 0, null);
            assertEquals(full.subList(k, k + 3), resumed, "resume after batch " + k + " at " + positions.get(k - 1));
        }
        assertEquals(new DataPosition(0, 16), positions.get(0));
        assertEquals(new DataPosition(1, 16), positions.get(perEpoch));
    }

    @Test
    void prefetchDepthDoesNotChangeBatches() {
        List<List<String>> inline = run(DataPosition.START, 6, 0, null);
        assertEquals(inline, run(DataPosition.START, 6, 1, null));
        assertEquals(inline, run(DataPosition.START, 6, 4, null));
    }

    @Test
    void epochsArePermutationsAndDiffer() {
        BatchOptions options = new BatchOptions(16, true, 11, List.of(), false, true, 2);
        long n = dataset.size("train");
        List<String> epoch0 = new ArrayList<>();
        List<String> epoch1 = new ArrayList<>();
        try (BatchStream s = dataset.stream("train", options, DataPosition.START)) {
            while (true) {
                DataPosition p = s.position();
                int epoch = p.offset() >= n ? p.epoch() + 1 : p.epoch();
                if (epoch >= 2) {
                    break;
                }
                try (Batch b = s.next(manager)) {
                    (epoch == 0 ? epoch0 : epoch1).addAll(b.ids());
                }
            }
        }
        Set<String> unique0 = new HashSet<>(epoch0);
        assertEquals(dataset.size("train"), epoch0.size());
        assertEquals(epoch0.size(), unique0.size());
        assertEquals(unique0, new HashSet<>(epoch1));
        assertNotEquals(epoch0, epoch1);
    }

    @Test
    void evalStreamVisitsEveryRowOnceInFileOrderAndEnds() {
        BatchOptions options = new BatchOptions(7, false, 0, List.of(), false, false, 3);
        List<String> ids = new ArrayList<>();
        try (BatchStream s = dataset.stream("val", options, DataPosition.START)) {
            while (s.hasNext()) {
                try (Batch b = s.next(manager)) {
                    ids.addAll(b.ids());
                }
            }
            assertFalse(s.hasNext());
        }
        List<String> sorted = new ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, ids);
        assertEquals(dataset.size("val"), ids.size());
    }

    @Test
    void sameSeedSameBatchesAcrossFreshOpens() {
        List<List<String>> first = run(DataPosition.START, 2, 2, null);
        try (Dataset again = TestData.open(tmp.resolve("tiny-240-3"), TestData.context(tmp, 3))) {
            BatchOptions options = new BatchOptions(16, true, 11, MASKS, true, true, 0);
            try (BatchStream s = again.stream("train", options, DataPosition.START); Batch b = s.next(manager)) {
                assertEquals(first.get(0), fingerprint(b));
            }
        }
    }
}
