package org.scale4j.data.arrow.ipc;

import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BufferLayout.BufferType;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Checks a record batch's untrusted numbers against its buffers BEFORE {@code VectorLoader} sees
 * them: every field node's length and null count, every buffer's size, and every offset of list
 * and string columns (non-decreasing, from 0 or more, at most the child's length or the data
 * buffer's size). Corrupt files then fail here, with nothing allocated from those numbers.
 *
 * <p>Why before: loading sizes vectors from the numbers. {@code VectorSchemaRoot.setRowCount} (the
 * last step of {@code VectorLoader.load}) calls {@code ListVector.setValueCount}, which reads the
 * list's last offset from the file and makes it the child's value count; the child then doubles
 * its buffers until they hold that many values (a garbage offset near 2^31 meant 15-22 GB
 * allocated, zeroed and copied over 20-55 s before a check after loading could object).
 * {@code BitVectorHelper.loadValidityBuffer} likewise allocates {@code length / 8} bytes for a node
 * with no or only nulls. Once every length is backed by buffer bytes (a fixed-width node's data,
 * a list's offsets, a child's length), every allocation is bounded by the body's size.
 *
 * <p>Walks the fields in the loader's order (depth first, a field's node and buffers before its
 * children's). A length need not equal what the parent asks (Arrow only reads that far), only
 * cover it. Layouts this class does not know (unions, views, run-end encoding) end the walk:
 * the rest of the batch is left to Arrow's own checks, as before. Offsets are read from the copies
 * {@link ResidentBuffers} made, so no page of the mapping is touched. Arrow Java 18.3's
 * {@code ValueVectorUtility.validate} rejects float16 and {@code validateFull} every fixed-size
 * list, so neither can be used; and both run after loading.
 */
final class OffsetCheck {

    private static final List<BufferType> FIXED_WIDTH = List.of(BufferType.VALIDITY, BufferType.DATA);
    private static final List<BufferType> VARIABLE_WIDTH =
            List.of(BufferType.VALIDITY, BufferType.OFFSET, BufferType.DATA);
    private static final List<BufferType> LIST = List.of(BufferType.VALIDITY, BufferType.OFFSET);
    private static final List<BufferType> VALIDITY_ONLY = List.of(BufferType.VALIDITY);

    private final Iterator<ArrowFieldNode> nodes;
    private final Iterator<ArrowBuf> buffers;

    private OffsetCheck(ArrowRecordBatch batch) {
        this.nodes = batch.getNodes().iterator();
        this.buffers = batch.getBuffers().iterator();
    }

    /**
     * Checks {@code batch} against {@code schema}.
     *
     * @throws IllegalStateException naming the column ({@code parent.child} for nested fields) and
     *     what is wrong; {@link MappedArrowFile#open} adds the file and what to do
     */
    static void check(Schema schema, ArrowRecordBatch batch) {
        if (batch.getLength() < 0) {
            throw new IllegalStateException("record batch of " + batch.getLength() + " rows");
        }
        OffsetCheck walk = new OffsetCheck(batch);
        for (Field field : schema.getFields()) {
            if (!walk.field(field, field.getName(), batch.getLength(), null)) {
                return;
            }
        }
    }

    /**
     * Checks {@code field} and its children; {@code needed} is how many values its parent (the
     * column {@code parent}, or the batch when null) reads from it: its row count, the last offset
     * of a list, or the rows times the size of a fixed-size list. Returns false at a layout it does
     * not know.
     */
    private boolean field(Field field, String column, long needed, String parent) {
        TypeLayout typeLayout = TypeLayout.getTypeLayout(field.getType());
        List<BufferType> layout = typeLayout.getBufferTypes();
        if (!known(field, layout)) {
            return false;
        }
        ArrowFieldNode node = next(nodes, column, "field nodes");
        long length = node.getLength();
        long nullCount = node.getNullCount();
        if (length < 0) {
            throw new IllegalStateException("column " + column + ": negative length " + length);
        }
        if (length < needed) {
            // messages are built only here: the walk runs for every column of every batch
            throw new IllegalStateException("column " + column + ": " + length + " values but "
                    + (parent == null ? "the record batch has " + needed : "its parent " + parent + " needs " + needed));
        }
        if (nullCount < 0 || nullCount > length) {
            throw new IllegalStateException("column " + column + ": null count " + nullCount + " for " + length
                    + " values");
        }
        ArrowBuf[] own = new ArrowBuf[layout.size()];
        for (int i = 0; i < own.length; i++) {
            own[i] = next(buffers, column, "buffers");
        }
        int validity = layout.indexOf(BufferType.VALIDITY);
        // Arrow keeps the file's bitmap only when some but not all values are null, else it makes its own
        if (validity >= 0 && nullCount > 0 && nullCount < length && own[validity].capacity() < (length + 7) / 8) {
            throw new IllegalStateException("column " + column + ": validity buffer too short ("
                    + own[validity].capacity() + " bytes for " + length + " values)");
        }
        int offsets = layout.indexOf(BufferType.OFFSET);
        int data = layout.indexOf(BufferType.DATA);
        long childNeeds = length; // struct children cover the struct's rows
        if (offsets >= 0) {
            // strings: offsets into the data buffer; lists: into the child
            long limit = data >= 0 ? own[data].capacity() : Long.MAX_VALUE;
            childNeeds = offsets(column, own[offsets], bitWidth(typeLayout, offsets) / 8, length, limit);
        } else if (data >= 0) {
            long need = (length * bitWidth(typeLayout, data) + 7) / 8;
            if (own[data].capacity() < need) {
                throw new IllegalStateException("column " + column + ": data buffer of " + own[data].capacity()
                        + " bytes for " + length + " values");
            }
        }
        if (field.getType() instanceof ArrowType.FixedSizeList fsl) {
            childNeeds = length * fsl.getListSize();
        }
        for (Field child : field.getChildren()) {
            if (!field(child, column + "." + child.getName(), childNeeds, column)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the {@code length + 1} offsets of a node of {@code length} values and returns the last
     * one: how many child values (or data bytes) the node uses.
     */
    private static long offsets(String column, ArrowBuf buf, int width, long length, long limit) {
        if (length == 0) {
            return 0; // writers may leave the offsets of an empty node out
        }
        if (buf.capacity() / width < length + 1) {
            throw new IllegalStateException("column " + column + ": offset buffer of " + buf.capacity()
                    + " bytes for " + length + " values");
        }
        long previous = offset(buf, width, 0);
        if (previous < 0) {
            throw new IllegalStateException("column " + column + ": negative offset");
        }
        for (long i = 1; i <= length; i++) {
            long current = offset(buf, width, i);
            if (current < previous || current > limit) {
                throw new IllegalStateException("column " + column + ": offset " + current + " at " + i
                        + (current < previous ? " is below the one before it (" + previous + ")"
                                : " is beyond the data buffer of " + limit + " bytes"));
            }
            previous = current;
        }
        return previous;
    }

    private static long offset(ArrowBuf buf, int width, long index) {
        return width == 4 ? buf.getInt(index * 4) : buf.getLong(index * 8);
    }

    private static int bitWidth(TypeLayout layout, int buffer) {
        return layout.getBufferLayouts().get(buffer).getTypeBitWidth();
    }

    /**
     * Whether this class knows what {@code field}'s lengths mean: fixed-width values (bits, ints,
     * floats, decimals, dates, fixed-size binaries), strings and binaries, lists and maps,
     * fixed-size lists, structs and nulls.
     */
    private static boolean known(Field field, List<BufferType> layout) {
        boolean leaf = field.getChildren().isEmpty();
        return layout.isEmpty() && leaf
                || layout.equals(FIXED_WIDTH) && leaf
                || layout.equals(VARIABLE_WIDTH) && leaf
                || layout.equals(LIST) && field.getChildren().size() == 1
                || layout.equals(VALIDITY_ONLY) && (field.getType() instanceof ArrowType.Struct
                        || field.getType() instanceof ArrowType.FixedSizeList && field.getChildren().size() == 1);
    }

    private static <T> T next(Iterator<T> it, String column, String what) {
        if (!it.hasNext()) {
            throw new IllegalStateException("column " + column + ": the record batch has fewer " + what
                    + " than the schema needs");
        }
        return it.next();
    }
}
