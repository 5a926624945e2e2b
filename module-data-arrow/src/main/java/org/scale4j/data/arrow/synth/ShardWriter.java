package org.scale4j.data.arrow.synth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes generated rows as one Arrow IPC file (file format), record batch by record batch. */
final class ShardWriter implements AutoCloseable {

    private final FileChannel channel;
    private final VectorSchemaRoot root;
    private final ArrowFileWriter writer;

    ShardWriter(Path file, Schema schema, BufferAllocator allocator) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.writer = new ArrowFileWriter(root, null, channel);
        writer.start();
    }

    /** Appends one record batch holding {@code rows}. */
    void write(List<SyntheticRow> rows) throws IOException {
        root.clear();
        root.allocateNew();
        int n = rows.size();
        VarCharVector id = (VarCharVector) root.getVector("id");
        IntVector category = (IntVector) root.getVector("category");
        VarCharVector categoryName = (VarCharVector) root.getVector("category_name");
        BigIntVector group = (BigIntVector) root.getVector("product_group");
        VarCharVector title = (VarCharVector) root.getVector("title");
        for (int i = 0; i < n; i++) {
            SyntheticRow row = rows.get(i);
            if (row.id() != null) {
                id.setSafe(i, utf8(row.id()));
            } else {
                id.setNull(i); // only tests write broken rows
            }
            category.setSafe(i, row.category());
            categoryName.setSafe(i, utf8(row.categoryName()));
            group.setSafe(i, row.productGroup());
            if (row.title() != null) {
                title.setSafe(i, utf8(row.title()));
            } else {
                title.setNull(i);
            }
        }
        writeTable((ListVector) root.getVector("table"), rows);
        writeRows((ListVector) root.getVector("image_feats"), rows.stream().map(SyntheticRow::imageFeats).toList());
        writeRows((ListVector) root.getVector("image_boxes"), rows.stream().map(SyntheticRow::imageBoxes).toList());
        writeRows((ListVector) root.getVector("video_feats"), rows.stream().map(SyntheticRow::videoFeats).toList());
        writeRows((ListVector) root.getVector("audio_feats"), rows.stream().map(SyntheticRow::audioFeats).toList());
        for (FieldVector v : root.getFieldVectors()) {
            v.setValueCount(n);
        }
        root.setRowCount(n);
        writer.writeBatch();
    }

    private static void writeTable(ListVector list, List<SyntheticRow> rows) {
        StructVector entries = (StructVector) list.getDataVector();
        VarCharVector keys = (VarCharVector) entries.getChild("key");
        VarCharVector values = (VarCharVector) entries.getChild("value");
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String[]> table = rows.get(i).table();
            if (table == null) {
                list.setNull(i);
                continue;
            }
            list.startNewValue(i);
            for (String[] pair : table) {
                entries.setIndexDefined(at);
                keys.setSafe(at, utf8(pair[0]));
                values.setSafe(at, utf8(pair[1]));
                at++;
            }
            list.endValue(i, table.size());
        }
        keys.setValueCount(at);
        values.setValueCount(at);
        entries.setValueCount(at);
    }

    private static void writeRows(ListVector list, List<float[][]> values) {
        FixedSizeListVector vectors = (FixedSizeListVector) list.getDataVector();
        FieldVector floats = vectors.getDataVector();
        int dim = vectors.getListSize();
        int at = 0;
        for (int i = 0; i < values.size(); i++) {
            float[][] rows = values.get(i);
            if (rows == null) {
                list.setNull(i);
                continue;
            }
            list.startNewValue(i);
            for (float[] r : rows) {
                vectors.startNewValue(at);
                int base = at * dim;
                if (floats instanceof Float2Vector half) {
                    for (int d = 0; d < dim; d++) {
                        half.setSafe(base + d, Float16.toFloat16(r[d]));
                    }
                } else {
                    Float4Vector single = (Float4Vector) floats;
                    for (int d = 0; d < dim; d++) {
                        single.setSafe(base + d, r[d]);
                    }
                }
                at++;
            }
            list.endValue(i, rows.length);
        }
        floats.setValueCount(at * dim);
        vectors.setValueCount(at);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try {
            writer.end();
            channel.force(true);
        } finally {
            writer.close();
            root.close();
            channel.close();
        }
    }
}
