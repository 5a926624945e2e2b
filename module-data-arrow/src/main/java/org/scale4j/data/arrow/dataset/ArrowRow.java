package org.scale4j.data.arrow.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.RowView;

/**
 * A {@link RowView} over one row of a memory-mapped record batch. Values are read straight from
 * the Arrow buffers; {@link #copyFloatRows} copies feature rows into a tensor buffer in one go.
 * Accessors fail with a {@link DataException} naming the file and column when the column has a
 * type the accessor cannot read.
 */
public final class ArrowRow implements RowView {

    /** Per-thread buffer for positional reads that are widened or scanned before use (float16 rows, NaN checks). */
    private static final ThreadLocal<ByteBuffer> READ_SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN));

    private final RecordBatchRef batch;
    private final int row;
    private final String idColumn;

    public ArrowRow(RecordBatchRef batch, int row, String idColumn) {
        this.batch = batch;
        this.row = row;
        this.idColumn = idColumn;
    }

    /** The file this row lives in, relative to the dataset directory when possible. */
    public String file() {
        return batch.fileName();
    }

    /** The row index within its file. */
    public long rowInFile() {
        return batch.firstRow() + row;
    }

    @Override
    public String id() {
        return isNull(idColumn) ? null : string(idColumn);
    }

    @Override
    public boolean isNull(String column) {
        return vector(column).isNull(row);
    }

    @Override
    public String string(String column) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return null;
        }
        if (v instanceof VarCharVector || v instanceof LargeVarCharVector) {
            return utf8s(v, row, row + 1, column)[0];
        }
        throw typeError(column, "utf8");
    }

    /**
     * Checks that {@link #string} can read {@code column} (a utf8 column), without building the
     * string (validation visits every row).
     *
     * @throws ColumnTypeException when the column is not utf8
     */
    public void requireString(String column) {
        FieldVector v = vector(column);
        if (!(v instanceof VarCharVector || v instanceof LargeVarCharVector)) {
            throw typeError(column, "utf8");
        }
    }

    /**
     * The strings at {@code [from, to)} of a utf8 vector, read with one positional read of their
     * bytes (contiguous in the data buffer), so the mapping's pages are not touched. A null entry
     * gives its bytes as written (none, for every writer we know); callers check nulls first.
     */
    private String[] utf8s(FieldVector v, int from, int to, String column) {
        long[] offsets = new long[to - from + 1];
        ArrowBuf data;
        if (v instanceof VarCharVector s) {
            for (int i = from; i <= to; i++) {
                offsets[i - from] = s.getOffsetBuffer().getInt((long) i * Integer.BYTES);
            }
            data = s.getDataBuffer();
        } else if (v instanceof LargeVarCharVector s) {
            for (int i = from; i <= to; i++) {
                offsets[i - from] = s.getOffsetBuffer().getLong((long) i * Long.BYTES);
            }
            data = s.getDataBuffer();
        } else {
            throw typeError(column, "utf8");
        }
        String[] out = new String[to - from];
        if (out.length == 0) {
            return out;
        }
        long first = offsets[0];
        byte[] bytes = new byte[Math.toIntExact(offsets[out.length] - first)];
        data.checkBytes(first, first + bytes.length);
        read(data, first, ByteBuffer.wrap(bytes));
        for (int i = 0; i < out.length; i++) {
            out[i] = new String(bytes, (int) (offsets[i] - first), (int) (offsets[i + 1] - offsets[i]),
                    StandardCharsets.UTF_8);
        }
        return out;
    }

    @Override
    public int[] ints(String column) {
        FieldVector v = vector(column);
        long[] span = span(v, column, "list<int32>");
        if (!(childOf(v) instanceof BaseIntVector values)) {
            throw typeError(column, "list<int32>");
        }
        int[] out = new int[(int) (span[1] - span[0])];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values.getValueAsLong((int) span[0] + i);
        }
        return out;
    }

    @Override
    public float[] floats(String column) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return null;
        }
        if (v instanceof FixedSizeListVector fsl) {
            int dim = fsl.getListSize();
            float[] out = new float[dim];
            readFloats(fsl.getDataVector(), (long) row * dim, out, 0, dim, column);
            return out;
        }
        long[] span = span(v, column, "fixed_size_list<float32>[D]");
        float[] out = new float[(int) (span[1] - span[0])];
        readFloats(childOf(v), span[0], out, 0, out.length, column);
        return out;
    }

    @Override
    public float[][] floatRows(String column) {
        FixedSizeListVector rows = rowsVector(column);
        long[] span = span(vector(column), column, "list<fixed_size_list<float32>[D]>");
        int dim = rows.getListSize();
        float[][] out = new float[(int) (span[1] - span[0])][dim];
        for (int r = 0; r < out.length; r++) {
            readFloats(rows.getDataVector(), (span[0] + r) * dim, out[r], 0, dim, column);
        }
        return out;
    }

    /**
     * Copies the values of the first {@code maxRows} rows of a feature-rows column into
     * {@code dst} from {@code at} (row-major, {@code D} values a row), without the per-row arrays
     * of {@link #floatRows}. Returns how many rows were copied (0 for a null value).
     */
    public int copyFloats(String column, int maxRows, float[] dst, int at) {
        long[] rows = featureRows(column, maxRows);
        if (rows == null) {
            return 0;
        }
        readFloats(rowsVector(column).getDataVector(), rows[0], dst, at, (int) (rows[1] * rows[2]), column);
        return (int) rows[1];
    }

    /**
     * {@code {first value, rows, D}}: where this row's first {@code maxRows} rows of a
     * feature-rows column start among the column's values, how many there are and their width;
     * {@code null} when the value is null.
     */
    private long[] featureRows(String column, int maxRows) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return null;
        }
        int dim = rowsVector(column).getListSize();
        long[] span = span(v, column, "list<fixed_size_list<float32>[D]>");
        return new long[] {span[0] * dim, Math.min(span[1] - span[0], maxRows), dim};
    }

    @Override
    public int listLength(String column) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return 0;
        }
        long[] span = span(v, column, "a list");
        return (int) (span[1] - span[0]);
    }

    @Override
    public int copyFloatRows(String column, int maxRows, ByteBuffer dst) {
        long[] rows = featureRows(column, maxRows);
        if (rows == null) {
            return 0;
        }
        int n = (int) rows[1];
        long first = rows[0];
        long count = rows[1] * rows[2];
        FieldVector values = rowsVector(column).getDataVector();
        if (values instanceof Float4Vector f4 && dst.order() == ByteOrder.LITTLE_ENDIAN) {
            // Arrow is little-endian: one bulk copy from the file's pages into the tensor buffer.
            int bytes = (int) (count * Float.BYTES);
            f4.getDataBuffer().checkBytes(first * Float.BYTES, first * Float.BYTES + bytes);
            ByteBuffer slice = dst.slice().limit(bytes);
            read(f4.getDataBuffer(), first * Float.BYTES, slice);
            dst.position(dst.position() + bytes);
        } else if (values instanceof Float2Vector f2) {
            int bytes = (int) (count * 2);
            f2.getDataBuffer().checkBytes(first * 2, first * 2 + bytes);
            ByteBuffer half = READ_SCRATCH.get();
            if (half.capacity() < bytes) {
                half = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
                READ_SCRATCH.set(half);
            }
            half.clear().limit(bytes);
            read(f2.getDataBuffer(), first * 2, half);
            half.flip();
            HalfFloats.widen(half, dst, count);
        } else if (values instanceof Float4Vector f4) {
            for (long i = 0; i < count; i++) {
                dst.putFloat(f4.get((int) (first + i)));
            }
        } else {
            throw typeError(column, "list<fixed_size_list<float32 or float16>[D]>");
        }
        return n;
    }

    /** Bulk read of {@code dst.remaining()} bytes of {@code buf} from {@code offset}: positional file read when possible. */
    private void read(ArrowBuf buf, long offset, ByteBuffer dst) {
        if (batch.file() == null) {
            buf.getBytes(offset, dst);
            return;
        }
        try {
            batch.file().read(batch.index(), buf, offset, dst);
        } catch (java.io.IOException e) {
            throw new DataException(batch.fileName() + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The first non-finite value of a feature-rows value as {@code {row, dim}}, or {@code null}
     * when all are finite. Reads the values in bulk chunks (positional reads when the batch has a
     * file) and tests the exponent bits, instead of a bounds-checked buffer call per value.
     */
    public int[] firstNonFinite(String column) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return null;
        }
        FixedSizeListVector rows = rowsVector(column);
        long[] span = span(v, column, "list<fixed_size_list<float32>[D]>");
        int dim = rows.getListSize();
        FieldVector values = rows.getDataVector();
        boolean half = values instanceof Float2Vector;
        int width = half ? 2 : Float.BYTES;
        ArrowBuf data = values.getDataBuffer();
        long first = span[0] * dim;
        long count = (span[1] - span[0]) * dim;
        data.checkBytes(first * width, (first + count) * width);
        ByteBuffer scratch = READ_SCRATCH.get();
        int perChunk = scratch.capacity() / width;
        for (long done = 0; done < count; done += perChunk) {
            int n = (int) Math.min(perChunk, count - done);
            scratch.clear().limit(n * width);
            read(data, (first + done) * width, scratch);
            int bad = half ? NonFinite.firstHalf(scratch, n) : NonFinite.firstFloat(scratch, n);
            if (bad >= 0) {
                long at = done + bad;
                return new int[] {(int) (at / dim), (int) (at % dim)};
            }
        }
        return null;
    }

    /** The number of null entries inside a list value (null regions, null floats, null keys). */
    public long nullsInside(String column) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return 0;
        }
        long[] span = span(v, column, "a list");
        FieldVector child = childOf(v);
        long nulls = 0;
        if (batch.nullCount(child) > 0) {
            for (long i = span[0]; i < span[1]; i++) {
                nulls += child.isNull((int) i) ? 1 : 0;
            }
        }
        if (child instanceof FixedSizeListVector fsl && batch.nullCount(fsl.getDataVector()) > 0) {
            int dim = fsl.getListSize();
            for (long i = span[0] * dim; i < span[1] * dim; i++) {
                nulls += fsl.getDataVector().isNull((int) i) ? 1 : 0;
            }
        }
        if (child instanceof StructVector struct) {
            for (FieldVector field : struct.getChildrenFromFields()) {
                if (batch.nullCount(field) > 0) {
                    for (long i = span[0]; i < span[1]; i++) {
                        nulls += field.isNull((int) i) ? 1 : 0;
                    }
                }
            }
        }
        return nulls;
    }

    @Override
    public List<Map.Entry<String, String>> keyValues(String column) {
        FieldVector v = vector(column);
        if (v.isNull(row)) {
            return null;
        }
        long[] span = span(v, column, "list<struct<key: utf8, value: utf8>>");
        StructVector struct = keyValueStruct(v, column);
        FieldVector keys = struct.getChild("key");
        FieldVector values = struct.getChild("value");
        int from = (int) span[0];
        int to = (int) span[1];
        String[] keyStrings = utf8s(keys, from, to, column);
        String[] valueStrings = utf8s(values, from, to, column);
        List<Map.Entry<String, String>> out = new ArrayList<>(to - from);
        for (int at = from; at < to; at++) {
            String key = keys.isNull(at) ? "" : keyStrings[at - from];
            String value = values.isNull(at) ? "" : valueStrings[at - from];
            out.add(Map.entry(key, value));
        }
        return out;
    }

    /**
     * Checks that {@link #keyValues} can read this row's value of {@code column}, without building
     * its strings (validation visits every row).
     *
     * @throws ColumnTypeException when the column is not {@code list<struct<key: utf8, value: utf8>>}
     */
    public void requireKeyValues(String column) {
        FieldVector v = vector(column);
        if (!v.isNull(row)) {
            span(v, column, "list<struct<key: utf8, value: utf8>>");
            keyValueStruct(v, column);
        }
    }

    private StructVector keyValueStruct(FieldVector v, String column) {
        if (!(childOf(v) instanceof StructVector struct)) {
            throw typeError(column, "list<struct<key: utf8, value: utf8>>");
        }
        FieldVector keys = struct.getChild("key");
        FieldVector values = struct.getChild("value");
        if (keys == null || values == null) {
            throw typeError(column, "list<struct<key: utf8, value: utf8>>");
        }
        if (!(keys instanceof VarCharVector || keys instanceof LargeVarCharVector)
                || !(values instanceof VarCharVector || values instanceof LargeVarCharVector)) {
            throw typeError(column, "list<struct<key: utf8, value: utf8>>");
        }
        return struct;
    }

    @Override
    public double number(String column) {
        FieldVector v = vector(column);
        if (v instanceof BaseIntVector i) {
            return i.getValueAsLong(row);
        }
        if (v instanceof FloatingPointVector f) {
            return f.getValueAsDouble(row);
        }
        throw typeError(column, "a number");
    }

    private FixedSizeListVector rowsVector(String column) {
        FieldVector v = vector(column);
        if (childOf(v) instanceof FixedSizeListVector fsl) {
            return fsl;
        }
        throw typeError(column, "list<fixed_size_list<float32 or float16>[D]>");
    }

    /**
     * Reads {@code count} floats from value {@code first} on into {@code out} from {@code outAt},
     * by positional reads through the per-thread scratch buffer (the mapping's pages are not touched).
     */
    private void readFloats(FieldVector values, long first, float[] out, int outAt, int count, String column) {
        int width;
        if (values instanceof Float4Vector) {
            width = Float.BYTES;
        } else if (values instanceof Float2Vector) {
            width = 2;
        } else {
            throw typeError(column, "float32 or float16 values");
        }
        ArrowBuf data = values.getDataBuffer();
        data.checkBytes(first * width, (first + count) * width);
        ByteBuffer scratch = READ_SCRATCH.get();
        int perChunk = scratch.capacity() / width;
        for (int done = 0; done < count; done += perChunk) {
            int n = Math.min(perChunk, count - done);
            scratch.clear().limit(n * width);
            read(data, (first + done) * width, scratch);
            if (width == Float.BYTES) {
                scratch.flip().asFloatBuffer().get(out, outAt + done, n);
            } else {
                for (int i = 0; i < n; i++) {
                    out[outAt + done + i] = Float16.toFloat(scratch.getShort(i * 2));
                }
            }
        }
    }

    private long[] span(FieldVector v, String column, String expected) {
        if (v instanceof ListVector list) {
            return new long[] {list.getElementStartIndex(row), list.getElementEndIndex(row)};
        }
        if (v instanceof LargeListVector list) {
            return new long[] {list.getElementStartIndex(row), list.getElementEndIndex(row)};
        }
        throw typeError(column, expected);
    }

    private static FieldVector childOf(FieldVector v) {
        if (v instanceof ListVector list) {
            return list.getDataVector();
        }
        if (v instanceof LargeListVector list) {
            return (FieldVector) list.getDataVector();
        }
        if (v instanceof FixedSizeListVector fsl) {
            return fsl.getDataVector();
        }
        return null;
    }

    private FieldVector vector(String column) {
        VectorSchemaRoot root = batch.root();
        FieldVector v = root.getVector(column);
        if (v == null) {
            throw new DataException(batch.fileName() + ": column '" + column + "' not found; the file has "
                    + root.getSchema().getFields().stream().map(f -> f.getName()).toList());
        }
        return v;
    }

    private DataException typeError(String column, String expected) {
        return new ColumnTypeException(batch.fileName() + ": column '" + column + "' is "
                + ColumnTypes.describe(batch.root().getVector(column).getField()) + ", expected " + expected);
    }
}
