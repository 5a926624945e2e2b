package org.scale4j.data.arrow.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * Only the bulk value buffers (feature floats, string bytes) stay in the mapping; offsets,
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

    private static byte[] bytes(ArrowBuf buf, int n) {
        byte[] out = new byte[n];
        buf.getBytes(0, out);
        return out;
    }
}
