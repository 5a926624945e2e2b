package org.scale4j.data.arrow.tools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.api.data.DataException;

/**
 * Writes per-product embeddings as one Arrow IPC file: {@code id} (utf8), {@code category} and
 * {@code product_group} (int64, null where unknown) and one {@code fixed_size_list<float32>[D]}
 * column per embedding (e.g. {@code text}, {@code image+text}, {@code all}). Readable by pyarrow,
 * HF {@code datasets} and apache-arrow JS. Written to a temporary file and renamed.
 */
public final class EmbeddingFileWriter {

    private static final int BATCH_ROWS = 4096;

    private EmbeddingFileWriter() {
    }

    /**
     * @param embeddings column name to a row-major {@code [N, dim]} matrix
     */
    public static void write(Path file, String[] ids, long[] category, long[] productGroup,
            Map<String, float[]> embeddings, int dim) {
        int rows = ids.length;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("id", FieldType.notNullable(new ArrowType.Utf8()), null));
        fields.add(new Field("category", FieldType.nullable(new ArrowType.Int(64, true)), null));
        fields.add(new Field("product_group", FieldType.nullable(new ArrowType.Int(64, true)), null));
        Field element = new Field("item", FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                null);
        for (Map.Entry<String, float[]> e : embeddings.entrySet()) {
            if (e.getValue().length != (long) rows * dim) {
                throw new IllegalArgumentException("embedding '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + rows + " rows of " + dim);
            }
            fields.add(new Field(e.getKey(), FieldType.notNullable(new ArrowType.FixedSizeList(dim)), List.of(element)));
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                writer.start();
                for (int from = 0; from < rows; from += BATCH_ROWS) {
                    int n = Math.min(BATCH_ROWS, rows - from);
                    fill(root, from, n, ids, category, productGroup, embeddings, dim);
                    writer.writeBatch();
                }
                writer.end();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataException("cannot write embeddings to " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the rename succeeded or the error above is what matters
            }
        }
    }

    private static void fill(VectorSchemaRoot root, int from, int n, String[] ids, long[] category, long[] group,
            Map<String, float[]> embeddings, int dim) {
        VarCharVector id = (VarCharVector) root.getVector("id");
        id.allocateNew(n);
        labels((BigIntVector) root.getVector("category"), category, from, n);
        labels((BigIntVector) root.getVector("product_group"), group, from, n);
        for (int i = 0; i < n; i++) {
            id.setSafe(i, ids[from + i].getBytes(StandardCharsets.UTF_8));
        }
        id.setValueCount(n);
        for (Map.Entry<String, float[]> e : embeddings.entrySet()) {
            FixedSizeListVector list = (FixedSizeListVector) root.getVector(e.getKey());
            list.allocateNew();
            Float4Vector values = (Float4Vector) list.getDataVector();
            values.allocateNew(n * dim);
            float[] data = e.getValue();
            for (int i = 0; i < n; i++) {
                list.setNotNull(i);
                for (int d = 0; d < dim; d++) {
                    values.set(i * dim + d, data[(from + i) * dim + d]);
                }
            }
            values.setValueCount(n * dim);
            list.setValueCount(n);
        }
        root.setRowCount(n);
    }

    private static void labels(BigIntVector vector, long[] values, int from, int n) {
        vector.allocateNew(n);
        for (int i = 0; i < n; i++) {
            long v = values[from + i];
            if (v >= 0) {
                vector.set(i, v);
            } else {
                vector.setNull(i);
            }
        }
        vector.setValueCount(n);
    }

}
