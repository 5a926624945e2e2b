package org.scale4j.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Adds the price example's column to a scale4j Arrow dataset, exactly as
 * {@code examples/price-modality/add_price_column.py} does for pyarrow users: {@code price} is
 * {@code fixed_size_list<float32>[4]} (price, monthly sales, rating, review count) derived from the
 * row's coarse {@code category} with noise drawn from SHA-256 of {@code "<id>/<k>"}, and null for
 * about 10% of the products. Every shard of {@code manifest.json} is rewritten through a temporary
 * file and renamed; the manifest stays valid (it lists shards and dims of feature-row columns only).
 */
final class PriceColumnWriter {

    static final int DIM = 4;

    private PriceColumnWriter() {
    }

    /** Rewrites every shard of {@code dataset}; returns {rows, rows with a price}. */
    static long[] addTo(Path dataset) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(dataset.resolve("manifest.json").toFile());
        long[] counts = new long[2];
        try (BufferAllocator allocator = new RootAllocator()) {
            for (JsonNode shards : manifest.get("splits")) {
                for (JsonNode shard : shards) {
                    rewrite(dataset.resolve(shard.asText()), allocator, counts);
                }
            }
        }
        return counts;
    }

    /** The price vector of one product, or {@code null} when it has none. */
    static float[] priceOf(String id, Integer category) {
        if (category == null || unit(id, 0) < 0.1) {
            return null;
        }
        int c = category;
        double price = 10.0 * Math.pow(2.0, c) * (0.8 + 0.4 * unit(id, 1));
        double sales = 500.0 / (1 + c) * (0.7 + 0.6 * unit(id, 2));
        double rating = 3.0 + 0.3 * (c % 3) + 0.4 * unit(id, 3);
        double reviews = sales * 0.1 * (1 + unit(id, 4));
        return new float[] {(float) price, (float) sales, (float) rating, (float) reviews};
    }

    private static void rewrite(Path shard, BufferAllocator allocator, long[] counts) throws IOException {
        Path temp = shard.resolveSibling(shard.getFileName() + ".tmp");
        try (FileChannel in = FileChannel.open(shard, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(in, allocator)) {
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            List<Field> fields = new ArrayList<>(source.getSchema().getFields());
            fields.add(new Field("price", FieldType.nullable(new ArrowType.FixedSizeList(DIM)), List.of(new Field("item",
                    FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null))));
            try (VectorSchemaRoot target = VectorSchemaRoot.create(new Schema(fields), allocator);
                    FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(target, null, out)) {
                writer.start();
                while (reader.loadNextBatch()) {
                    int rows = source.getRowCount();
                    for (FieldVector vector : source.getFieldVectors()) {
                        vector.makeTransferPair(target.getVector(vector.getName())).transfer();
                    }
                    fillPrices((VarCharVector) target.getVector("id"), (IntVector) target.getVector("category"),
                            (FixedSizeListVector) target.getVector("price"), rows, counts);
                    target.setRowCount(rows);
                    writer.writeBatch();
                }
                writer.end();
                out.force(true);
            }
        }
        Files.move(temp, shard, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void fillPrices(VarCharVector ids, IntVector categories, FixedSizeListVector price, int rows,
            long[] counts) {
        price.allocateNew();
        Float4Vector values = (Float4Vector) price.getDataVector();
        for (int i = 0; i < rows; i++) {
            String id = new String(ids.get(i), StandardCharsets.UTF_8);
            float[] p = priceOf(id, categories.isNull(i) ? null : categories.get(i));
            counts[0]++;
            if (p == null) {
                price.setNull(i);
                for (int k = 0; k < DIM; k++) {
                    values.setSafe(i * DIM + k, 0f); // the child needs a value under a null slot
                }
                continue;
            }
            counts[1]++;
            price.setNotNull(i);
            for (int k = 0; k < DIM; k++) {
                values.setSafe(i * DIM + k, p[k]);
            }
        }
        values.setValueCount(rows * DIM);
        price.setValueCount(rows);
    }

    /** A uniform number in [0, 1) from SHA-256 of {@code "<id>/<k>"}, the first 8 bytes little-endian. */
    static double unit(String id, int k) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((id + "/" + k).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            // unsigned 64-bit value / 2^64, as Python's int.from_bytes(..., "little") / 2**64
            return ((bits >>> 11) * 0x1.0p-53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
