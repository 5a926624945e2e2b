package org.scale4j.tensorboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scale4j.tensorboard.internal.AtomicFiles;
import org.scale4j.tensorboard.internal.Png;

/**
 * Writes embedding-projector files into a run directory, the layout PyTorch's
 * {@code add_embedding} uses: {@code <step, 5 digits>/<tag>/tensors.tsv}, {@code metadata.tsv},
 * {@code sprite.png}, and one {@code embeddings { ... }} block per call appended to the run's
 * {@code projector_config.pbtxt} (text-format {@code ProjectorConfig}; EmbeddingInfo fields
 * {@code tensor_name=1 metadata_path=2 tensor_shape=4 sprite=5 tensor_path=6}). Every file is
 * replaced atomically, so a running TensorBoard never reads a half-written config.
 *
 * <p>Only the writer thread uses an instance.
 */
final class ProjectorWriter {

    static final String CONFIG_FILE = "projector_config.pbtxt";

    private final Path logDir;
    private final List<String> blocks = new ArrayList<>();

    ProjectorWriter(Path logDir) {
        this.logDir = logDir;
    }

    void write(Embedding embedding, long step) throws IOException {
        String stepDir = String.format(Locale.ROOT, "%05d", step);
        String relDir = stepDir + "/" + directoryName(embedding.tag());
        Path dir = logDir.resolve(relDir);
        float[][] vectors = embedding.vectorsUnsafe();
        AtomicFiles.write(dir.resolve("tensors.tsv"), tensorsTsv(vectors));
        StringBuilder block = new StringBuilder(256);
        block.append("embeddings {\n");
        block.append("  tensor_name: ").append(quote(embedding.tag() + ":" + stepDir)).append('\n');
        block.append("  tensor_shape: ").append(vectors.length).append('\n');
        block.append("  tensor_shape: ").append(vectors[0].length).append('\n');
        block.append("  tensor_path: ").append(quote(relDir + "/tensors.tsv")).append('\n');
        if (!embedding.metadataHeader().isEmpty()) {
            AtomicFiles.write(dir.resolve("metadata.tsv"), metadataTsv(embedding));
            block.append("  metadata_path: ").append(quote(relDir + "/metadata.tsv")).append('\n');
        }
        if (!embedding.sprites().isEmpty()) {
            Image sheet = spriteSheet(embedding.sprites());
            AtomicFiles.write(dir.resolve("sprite.png"),
                    Png.encode(sheet.width(), sheet.height(), sheet.channels(), sheet.pixelsUnsafe()));
            Image first = embedding.sprites().get(0);
            block.append("  sprite {\n");
            block.append("    image_path: ").append(quote(relDir + "/sprite.png")).append('\n');
            block.append("    single_image_dim: ").append(first.width()).append('\n');
            block.append("    single_image_dim: ").append(first.height()).append('\n');
            block.append("  }\n");
        }
        block.append("}\n");
        Path config = logDir.resolve(CONFIG_FILE);
        if (blocks.isEmpty() && Files.isRegularFile(config)) {
            // a resumed run keeps the embeddings its earlier writers registered
            blocks.add(Files.readString(config, StandardCharsets.UTF_8));
        }
        blocks.add(block.toString());
        AtomicFiles.write(config, String.join("", blocks).getBytes(StandardCharsets.UTF_8));
    }

    /** The tag as one safe path segment per {@code /}-separated part. */
    static String directoryName(String tag) {
        StringBuilder out = new StringBuilder(tag.length());
        for (String part : tag.split("/", -1)) {
            String safe = part.replaceAll("[^A-Za-z0-9._-]", "_");
            if (safe.isEmpty()) {
                safe = "_";
            } else if (safe.equals(".") || safe.equals("..")) {
                safe = safe.replace('.', '_');
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(safe);
        }
        return out.toString();
    }

    private static byte[] tensorsTsv(float[][] vectors) {
        StringBuilder tsv = new StringBuilder(vectors.length * vectors[0].length * 10);
        for (float[] row : vectors) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    tsv.append('\t');
                }
                tsv.append(row[j]);
            }
            tsv.append('\n');
        }
        return tsv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] metadataTsv(Embedding embedding) {
        StringBuilder tsv = new StringBuilder();
        List<String> header = embedding.metadataHeader();
        if (header.size() > 1) {
            appendRow(tsv, header);
        }
        for (List<String> row : embedding.metadataRows()) {
            appendRow(tsv, row);
        }
        return tsv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRow(StringBuilder tsv, List<String> values) {
        for (int j = 0; j < values.size(); j++) {
            if (j > 0) {
                tsv.append('\t');
            }
            tsv.append(String.valueOf(values.get(j)).replaceAll("[\t\r\n]", " "));
        }
        tsv.append('\n');
    }

    /** Thumbnails row by row on a square grid, unused cells left black (transparent for RGBA). */
    static Image spriteSheet(List<Image> sprites) {
        Image first = sprites.get(0);
        int side = Embedding.spriteGridSide(sprites.size());
        int w = first.width();
        int h = first.height();
        int c = first.channels();
        int sheetWidth = side * w;
        byte[] sheet = new byte[sheetWidth * side * h * c];
        for (int i = 0; i < sprites.size(); i++) {
            byte[] px = sprites.get(i).pixelsUnsafe();
            int cellX = (i % side) * w;
            int cellY = (i / side) * h;
            for (int y = 0; y < h; y++) {
                System.arraycopy(px, y * w * c, sheet, ((cellY + y) * sheetWidth + cellX) * c, w * c);
            }
        }
        return new Image(sheetWidth, side * h, c, sheet);
    }

    /** A text-format string literal. */
    private static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> q.append(ch);
            }
        }
        return q.append('"').toString();
    }
}
