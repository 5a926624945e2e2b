package org.scale4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectorTest {

    @TempDir
    Path tmp;

    private static final float[][] VECTORS = {{1f, 0.5f, -2f}, {0f, 1e-5f, 3.25f}, {7f, 8f, 9f}};

    @Test
    void writesTsvFilesAndAppendsToTheConfig() throws IOException {
        Path run = tmp.resolve("run");
        Image red = new Image(2, 2, 3, new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0});
        Image blue = new Image(2, 2, 3, new byte[] {0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255});
        try (EventWriter w = EventWriter.builder().setLogDir(run).optShutdownHook(false).build()) {
            w.addEmbedding(Embedding.of("fused/text", VECTORS)
                    .withMetadata(List.of("id", "category"),
                            List.of(List.of("p1", "shoes"), List.of("p2", "bags\tand\nbelts"), List.of("p3", "hats")))
                    .withSprites(List.of(red, blue, red)), 10);
            w.addEmbedding(Embedding.of("image", VECTORS)
                    .withMetadata(List.of("category"), List.of(List.of("a"), List.of("b"), List.of("c"))), 20);
        }
        assertEquals("1.0\t0.5\t-2.0\n0.0\t1.0E-5\t3.25\n7.0\t8.0\t9.0\n",
                Files.readString(run.resolve("00010/fused/text/tensors.tsv")));
        assertEquals("id\tcategory\np1\tshoes\np2\tbags and belts\np3\thats\n",
                Files.readString(run.resolve("00010/fused/text/metadata.tsv")), "two columns: header line first");
        assertEquals("a\nb\nc\n", Files.readString(run.resolve("00020/image/metadata.tsv")), "one column: no header");
        assertFalse(Files.exists(run.resolve("00020/image/sprite.png")));
        assertEquals("""
                embeddings {
                  tensor_name: "fused/text:00010"
                  tensor_shape: 3
                  tensor_shape: 3
                  tensor_path: "00010/fused/text/tensors.tsv"
                  metadata_path: "00010/fused/text/metadata.tsv"
                  sprite {
                    image_path: "00010/fused/text/sprite.png"
                    single_image_dim: 2
                    single_image_dim: 2
                  }
                }
                embeddings {
                  tensor_name: "image:00020"
                  tensor_shape: 3
                  tensor_shape: 3
                  tensor_path: "00020/image/tensors.tsv"
                  metadata_path: "00020/image/metadata.tsv"
                }
                """, Files.readString(run.resolve("projector_config.pbtxt")));
        BufferedImage sheet = ImageIO.read(run.resolve("00010/fused/text/sprite.png").toFile());
        assertEquals(4, sheet.getWidth(), "3 sprites on a 2x2 grid of 2x2 cells");
        assertEquals(4, sheet.getHeight());
        assertEquals(0xff0000, sheet.getRGB(1, 1) & 0xffffff, "sprite 0 top left");
        assertEquals(0x0000ff, sheet.getRGB(3, 0) & 0xffffff, "sprite 1 top right");
        assertEquals(0xff0000, sheet.getRGB(0, 3) & 0xffffff, "sprite 2 bottom left");
        assertEquals(0x000000, sheet.getRGB(3, 3) & 0xffffff, "unused cell");
    }

    @Test
    void aNewWriterKeepsTheEmbeddingsOfEarlierOnes() throws IOException {
        Path run = tmp.resolve("run");
        try (EventWriter w = EventWriter.builder().setLogDir(run).optShutdownHook(false).build()) {
            w.addEmbedding(Embedding.of("a", VECTORS), 1);
        }
        try (EventWriter w = EventWriter.builder().setLogDir(run).optShutdownHook(false).build()) {
            w.addEmbedding(Embedding.of("b", VECTORS), 2);
        }
        String config = Files.readString(run.resolve("projector_config.pbtxt"));
        assertEquals(2, config.split("embeddings \\{", -1).length - 1, config);
    }

    @Test
    void badEmbeddingsAreRejectedWithTheReason() {
        assertEquals("embedding 'x': 2 metadata rows for 3 vectors; the projector needs one row per vector",
                assertThrows(IllegalArgumentException.class, () -> Embedding.of("x", VECTORS)
                        .withMetadata(List.of("c"), List.of(List.of("a"), List.of("b")))).getMessage());
        assertEquals("embedding 'x': metadata row 1 has 1 values, the header [c, d] has 2",
                assertThrows(IllegalArgumentException.class, () -> Embedding.of("x", VECTORS)
                        .withMetadata(List.of("c", "d"), List.of(List.of("a", "b"), List.of("b"), List.of("c", "d"))))
                        .getMessage());
        assertEquals("embedding 'x': vector 1 has 2 values, vector 0 has 3",
                assertThrows(IllegalArgumentException.class,
                        () -> Embedding.of("x", new float[][] {{1, 2, 3}, {1, 2}})).getMessage());
    }

    @Test
    void directoryNamesAreSafe() {
        assertEquals("fused/text", ProjectorWriter.directoryName("fused/text"));
        assertEquals("__/a_b/_", ProjectorWriter.directoryName("../a b/."));
    }
}
