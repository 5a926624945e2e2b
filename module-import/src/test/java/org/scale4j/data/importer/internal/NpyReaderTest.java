package org.scale4j.data.importer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.apache.arrow.memory.util.Float16;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against files written by numpy itself (see src/test/resources/npy/README.md). */
class NpyReaderTest {

    private static final Path DIR = Path.of("src/test/resources/npy");
    private static NpyReader reader;

    @BeforeAll
    static void open() {
        reader = new NpyReader();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    private static float[] floats(FeatureMatrix m) {
        ByteBuffer bb = ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[m.rows() * m.dim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.half() ? Float16.toFloat(bb.getShort(i * 2)) : bb.getFloat(i * 4);
        }
        return out;
    }

    @Test
    void float16KeepsItsBits() {
        NpyReader.Result r = reader.read(DIR.resolve("half_3x4.npy"), "p", 4, 0);
        assertNull(r.problem());
        assertTrue(r.matrix().half());
        assertEquals(3, r.matrix().rows());
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = i * 0.5f - 2;
        }
        assertArrayEquals(expected, floats(r.matrix()));
    }

    @Test
    void float32LittleAndBigEndian() {
        float[] expected = {1.5f, -2, 3, 4, 5, 6.25f};
        assertArrayEquals(expected, floats(reader.read(DIR.resolve("f32_2x3.npy"), "p", 3, 2).matrix()));
        NpyReader.Result big = reader.read(DIR.resolve("big_endian_2x3.npy"), "p", 3, 2);
        assertNull(big.problem());
        assertArrayEquals(expected, floats(big.matrix()));
    }

    @Test
    void problemsNameTheFileAndWhatIsWrong() {
        assertEquals(DIR.resolve("f32_2x3.npy") + ": product p: wrong-shape: shape (2, 3), expected (80, 3)",
                reader.read(DIR.resolve("f32_2x3.npy"), "p", 3, 80).problem().describe());
        assertEquals(DIR.resolve("vector_4.npy") + ": product p: wrong-shape: shape (4), expected (T>=1, 4)",
                reader.read(DIR.resolve("vector_4.npy"), "p", 4, 0).problem().describe());
        assertEquals(DIR.resolve("f64_2x3.npy") + ": product p: corrupt: dtype float64 is not supported; expected"
                + " float16 or float32", reader.read(DIR.resolve("f64_2x3.npy"), "p", 3, 0).problem().describe());
        Problem fortran = reader.read(DIR.resolve("fortran_2x3.npy"), "p", 3, 0).problem();
        assertEquals(Problem.CORRUPT, fortran.kind());
        assertTrue(fortran.detail().startsWith("not a readable .npy file (Invalid numpy header: {'descr': '<f4',"
                + " 'fortran_order': True"), fortran.detail());
        assertEquals(DIR.resolve("nope.npy") + ": product p: missing-file: no such file; the modality is stored as"
                + " missing (null)", reader.read(DIR.resolve("nope.npy"), "p", 3, 0).problem().describe());
    }
}
