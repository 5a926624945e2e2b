package org.scale4j.data.importer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the authors' per-product feature files ({@code {dir}/{id}.npy}: video {@code [T,1024]}
 * float16, audio {@code [80,751]} float32; spec 1.2, 1.5) through DJL's {@link NDList#decode},
 * which understands the numpy format (versions 1-3, C order; Fortran order is reported as corrupt).
 * Big-endian files ({@code >f4}, {@code >f2}) are swapped here because DJL 0.35.1 does not.
 *
 * <p>One reader per thread: it owns an {@link NDManager}, and every file's arrays live in a
 * sub-manager closed before {@link #read} returns, so nothing accumulates.
 */
public final class NpyReader implements AutoCloseable {

    private final NDManager manager;

    public NpyReader() {
        this.manager = NDManager.newBaseManager("PyTorch");
    }

    /**
     * The outcome of reading one file: a matrix or a problem.
     *
     * @param matrix the features, or {@code null}
     * @param problem why there are none, or {@code null}
     */
    public record Result(FeatureMatrix matrix, Problem problem) {
    }

    /**
     * Reads {@code file} as a 2-D float16 or float32 array.
     *
     * @param id the product id, for the report
     * @param dim the required row width
     * @param rows the required row count, or 0 for any positive count
     */
    public Result read(Path file, String id, int dim, int rows) {
        String name = file.toString();
        NDList list;
        boolean bigEndian;
        try (NDManager scope = manager.newSubManager()) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                bigEndian = declaresBigEndian(bytes);
                list = NDList.decode(scope, bytes);
            } catch (NoSuchFileException e) {
                return new Result(null, new Problem(Problem.MISSING_FILE, id, name, 0, "no such file; the modality"
                        + " is stored as missing (null)"));
            } catch (IOException | RuntimeException e) {
                return new Result(null, new Problem(Problem.CORRUPT, id, name, 0, "not a readable .npy file ("
                        + e.getMessage() + "); re-extract it or delete it to mark the modality missing"));
            }
            if (list.size() != 1) {
                return new Result(null, new Problem(Problem.CORRUPT, id, name, 0, "expected one array, found "
                        + list.size()));
            }
            NDArray array = list.get(0);
            DataType type = array.getDataType();
            if (type != DataType.FLOAT16 && type != DataType.FLOAT32) {
                return new Result(null, new Problem(Problem.CORRUPT, id, name, 0, "dtype " + type
                        + " is not supported; expected float16 or float32"));
            }
            Shape shape = array.getShape();
            if (shape.dimension() != 2 || shape.get(1) != dim || shape.get(0) < 1
                    || (rows > 0 && shape.get(0) != rows)) {
                return new Result(null, new Problem(Problem.WRONG_SHAPE, id, name, 0, "shape " + shape
                        + ", expected (" + (rows > 0 ? rows : "T>=1") + ", " + dim + ")"));
            }
            ByteBuffer bb = array.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            byte[] data = new byte[bb.remaining()];
            // the engine hands back native-order (little-endian on x86/arm64) raw values
            bb.get(data);
            if (bigEndian) {
                swapBytes(data, type == DataType.FLOAT16 ? 2 : 4);
            }
            return new Result(new FeatureMatrix((int) shape.get(0), dim, type == DataType.FLOAT16, data), null);
        }
    }

    /**
     * Whether the numpy header declares big-endian data ({@code 'descr': '>f4'}). DJL 0.35.1 decodes
     * such files without swapping (the values come out as garbage), so the reader swaps them itself;
     * this looks only at the header's {@code descr} (format: magic, version, header length, header).
     */
    static boolean declaresBigEndian(byte[] file) {
        if (file.length < 10 || file[0] != (byte) 0x93 || file[1] != 'N') {
            return false;
        }
        int lengthBytes = file[6] == 1 ? 2 : 4;
        int start = 8 + lengthBytes;
        int length = file[6] == 1 ? (file[8] & 0xff) | (file[9] & 0xff) << 8
                : ByteBuffer.wrap(file, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 0 || start + length > file.length) {
            return false;
        }
        String header = new String(file, start, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        int descr = header.indexOf("'descr':");
        int quote = descr < 0 ? -1 : header.indexOf('\'', descr + 8);
        return quote >= 0 && quote + 1 < header.length() && header.charAt(quote + 1) == '>';
    }

    private static void swapBytes(byte[] data, int width) {
        for (int i = 0; i + width <= data.length; i += width) {
            for (int a = i, b = i + width - 1; a < b; a++, b--) {
                byte t = data[a];
                data[a] = data[b];
                data[b] = t;
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
