package org.scale4j.data.arrow.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * Only the bulk value buffers (floats, string and binary bytes, buffers over 1 MiB) stay in the mapping; offsets,
 * validity and small columns are copied at open, with the same bytes, so that loading, which
 * reads the bulk buffers by positional reads, never touches a page of the mapping.
 */
class ResidentBuffersTest {

    @TempDir Path tmp;

    @Test
    void bulkBuffersStayMappedSmallOnesAreCopiedWithTheSameBytes() throws Exception {
        SyntheticPreset small = SyntheticPreset.byName("small", "preset").withRows(40); // float16 video
        SyntheticGenerator.generate(small, tmp.resolve("d"), 2, m -> { });
        Path shard;
        try (Stream<Path> files = Files.walk(tmp.resolve("d/train"))) {
            shard = files.filter(p -> p.toString().endsWith(".arrow")).findFirst().orElseThrow();
        }
        try (RootAllocator allocator = new RootAllocator();
                MappedArrowFile file = MappedArrowFile.open(shard, allocator);
                ArrowFileReader plain = new ArrowFileReader(java.nio.channels.FileChannel.open(shard), allocator)) {
            plain.loadNextBatch();
            VectorSchemaRoot mapped = file.batches().get(0);
            VectorSchemaRoot reference = plain.getVectorSchemaRoot();
            assertEquals(reference.getRowCount(), mapped.getRowCount());

            VarCharVector title = (VarCharVector) mapped.getVector("title");
            assertTrue(file.inMapping(0, title.getDataBuffer()), "string bytes stay mapped");
            assertFalse(file.inMapping(0, title.getOffsetBuffer()), "string offsets are copied");
            assertFalse(file.inMapping(0, title.getValidityBuffer()), "validity is copied");
            ListVector video = (ListVector) mapped.getVector("video_feats");
            FixedSizeListVector frames = (FixedSizeListVector) video.getDataVector();
            assertTrue(file.inMapping(0, frames.getDataVector().getDataBuffer()), "feature values stay mapped");
            assertTrue(frames.getDataVector() instanceof Float2Vector);
            assertFalse(file.inMapping(0, video.getOffsetBuffer()), "list offsets are copied");
            BigIntVector group = (BigIntVector) mapped.getVector("product_group");
            assertFalse(file.inMapping(0, group.getDataBuffer()), "small fixed-width columns are copied");

            // the copies hold the file's bytes
            int rows = mapped.getRowCount();
            assertArrayEquals(bytes(reference.getVector("title").getOffsetBuffer(), (rows + 1) * 4),
                    bytes(title.getOffsetBuffer(), (rows + 1) * 4));
            assertArrayEquals(bytes(((ListVector) reference.getVector("video_feats")).getOffsetBuffer(), (rows + 1) * 4),
                    bytes(video.getOffsetBuffer(), (rows + 1) * 4));
            assertArrayEquals(bytes(reference.getVector("product_group").getDataBuffer(), rows * 8),
                    bytes(group.getDataBuffer(), rows * 8));
            for (int r = 0; r < mapped.getRowCount(); r++) {
                assertEquals(reference.getVector("title").getObject(r), title.getObject(r));
                assertEquals(reference.getVector("video_feats").getObject(r), video.getObject(r));
            }
        }
    }

    /**
     * Bulk data of columns no recipe reads stays mapped too: copied, it would be memory the kernel
     * cannot evict, growing with the dataset (images as bytes, embeddings as plain float lists, and
     * any buffer over 1 MiB).
     */
    @Test
    void bulkDataOfOtherColumnsStaysMapped() throws Exception {
        Path file = tmp.resolve("extra.arrow");
        int rows = 200_000; // int64 1.6 MB, above the copy limit; int32 and offsets 0.8 MB, below it
        try (RootAllocator allocator = new RootAllocator();
                VarBinaryVector blob = new VarBinaryVector("blob", allocator);
                ListVector embedding = ListVector.empty("embedding", allocator);
                BigIntVector big = new BigIntVector("big", allocator);
                IntVector small = new IntVector("small", allocator)) {
            embedding.addOrGetVector(FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
            UnionListWriter writer = embedding.getWriter();
            blob.allocateNew(rows);
            big.allocateNew(rows);
            small.allocateNew(rows);
            for (int r = 0; r < rows; r++) {
                blob.setSafe(r, new byte[] {(byte) r, (byte) (r >> 8), 7});
                big.set(r, r * 3L);
                small.set(r, r % 11);
                writer.setPosition(r);
                writer.startList();
                writer.float4().writeFloat4(r * 0.5f);
                writer.endList();
            }
            writer.setValueCount(rows);
            for (var vector : List.of(blob, embedding, big, small)) {
                vector.setValueCount(rows);
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(blob, embedding, big, small));
                    java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    ArrowFileWriter fileWriter = new ArrowFileWriter(root, null, out)) {
                fileWriter.start();
                fileWriter.writeBatch();
                fileWriter.end();
            }
        }
        try (RootAllocator allocator = new RootAllocator();
                MappedArrowFile mapped = MappedArrowFile.open(file, allocator)) {
            VectorSchemaRoot batch = mapped.batches().get(0);
            VarBinaryVector blob = (VarBinaryVector) batch.getVector("blob");
            ListVector embedding = (ListVector) batch.getVector("embedding");
            BigIntVector big = (BigIntVector) batch.getVector("big");
            IntVector small = (IntVector) batch.getVector("small");
            assertTrue(mapped.inMapping(0, blob.getDataBuffer()), "binary bytes stay mapped");
            assertTrue(mapped.inMapping(0, embedding.getDataVector().getDataBuffer()), "floats of a plain list stay mapped");
            assertTrue(mapped.inMapping(0, big.getDataBuffer()), "a buffer over 1 MiB stays mapped");
            assertFalse(mapped.inMapping(0, small.getDataBuffer()), "a small fixed-width column is copied");
            assertFalse(mapped.inMapping(0, blob.getOffsetBuffer()), "offsets are copied");
            int last = rows - 1;
            assertEquals(3L * last, big.get(last));
            assertEquals(last % 11, small.get(last));
            assertArrayEquals(new byte[] {(byte) last, (byte) (last >> 8), 7}, blob.get(last));
            assertEquals(List.of(last * 0.5f), embedding.getObject(last));
        }
    }

    private static byte[] bytes(ArrowBuf buf, int n) {
        byte[] out = new byte[n];
        buf.getBytes(0, out);
        return out;
    }
}
