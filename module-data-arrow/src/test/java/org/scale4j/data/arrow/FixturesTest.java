package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.data.arrow.tools.DatasetInspector;
import org.scale4j.data.arrow.tools.InspectReport;

/** Files written by apache-arrow (JS) 21.2.0, see src/test/fixtures/make-fixtures.mjs, load and batch. */
class FixturesTest {

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"js-file.arrow", "js-stream.arrows"})
    void loadsAndBatchesApacheArrowJsFiles(String name) throws java.io.IOException {
        // a copy: the built vocabulary is written beside the data, which must not be the source tree
        Path file = java.nio.file.Files.copy(Path.of("src/test/resources/fixtures", name), tmp.resolve(name));
        try (Dataset ds = TestData.open(file, TestData.context(tmp, 5, 4, 3, 2));
                NDManager m = NDManager.newBaseManager("PyTorch");
                BatchStream s = ds.stream("train", new BatchOptions(6, false, 5, List.of(), false, false, 0),
                        DataPosition.START);
                Batch b = s.next(m)) {
            assertEquals(6, ds.size("train"));
            assertEquals(List.of("js-000", "js-001", "js-002", "js-003", "js-004", "js-005"), b.ids());
            assertArrayEquals(new long[] {0, 1, 0, 1, 0, 1}, b.category().toLongArray());
            assertArrayEquals(new long[] {0, 0, 1, 1, 2, 2}, b.productGroup().toLongArray());
            // presence follows the nulls the script wrote
            assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1}, b.modality("text").present().toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 0, 1}, b.modality("table").present().toFloatArray());
            assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0}, b.modality("video").present().toFloatArray());
            assertArrayEquals(new float[] {1, 0, 1, 1, 1, 1}, b.modality("audio").present().toFloatArray());
            // row 2: three regions of dim 4, value r*10 + d + 0.2; position 0 is their mean
            float[] row2 = b.modality("image").input(TensorKeys.FEATS).get("2").toFloatArray();
            assertArrayEquals(new float[] {10.2f, 11.2f, 12.2f, 13.2f}, slice(row2, 0, 4), 1e-5f);
            assertArrayEquals(new float[] {0.2f, 1.2f, 2.2f, 3.2f}, slice(row2, 4, 8), 1e-5f);
            assertArrayEquals(new float[] {20.2f, 21.2f, 22.2f, 23.2f}, slice(row2, 12, 16), 1e-5f);
            assertArrayEquals(new float[row2.length - 16], slice(row2, 16, row2.length), "padding rows are zero");
            assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0},
                    b.modality("image").mask().get("2").toFloatArray());
            assertArrayEquals(new float[] {0, 0, 1, 1, 1, 0.1f, 0.2f, 0.6f, 0.7f, 0.25f},
                    slice(b.modality("image").input(TensorKeys.BOXES).get("2").toFloatArray(), 0, 10), 1e-6f);
            // float16 video of row 2: frames [2,2,2] and [2.5,2.5,2.5], mean 2.25 first
            float[] video = b.modality("video").input(TensorKeys.FEATS).get("2").toFloatArray();
            assertArrayEquals(new float[] {2.25f, 2.25f, 2.25f, 2, 2, 2, 2.5f, 2.5f, 2.5f}, slice(video, 0, 9), 0f);
            assertArrayEquals(new float[video.length - 9], slice(video, 9, video.length), "padding frames are zero");
            assertArrayEquals(new float[video.length], b.modality("video").input(TensorKeys.FEATS).get("1")
                    .toFloatArray(), "row 1 has no video: all zeros");
            // text: [CLS] red running shoe model 0 [SEP]
            long[] text = b.modality("text").input(TensorKeys.IDS).get("0").toLongArray();
            assertEquals(1, text[0]);
            assertEquals(2, text[6]);
            assertEquals(0, text[7]);
        }
        InspectReport report = DatasetInspector.inspect(file);
        assertEquals(6, report.totalRows());
        assertEquals(5.0 / 6, report.coverage().get("title"), 1e-9);
    }

    private static float[] slice(float[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
