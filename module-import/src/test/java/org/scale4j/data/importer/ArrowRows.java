package org.scale4j.data.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads an imported dataset back with Arrow's own IPC reader, into plain Java values. */
final class ArrowRows {

    /** One row; feature matrices are flattened row-major and widened to float. */
    static final class Row {
        String split;
        String id;
        Integer category;
        String categoryName;
        Long productGroup;
        String title;
        int[] titleIds;
        List<String[]> table;
        List<int[][]> tableIds;
        float[] image;
        int imageRows;
        float[] boxes;
        float[] video;
        short[] videoHalf;
        int videoRows;
        float[] audio;
        int audioRows;
    }

    final Map<String, Row> rows = new LinkedHashMap<>();
    final List<Schema> schemas = new ArrayList<>();
    final JsonNode manifest;

    ArrowRows(Path dataset) throws IOException {
        manifest = new ObjectMapper().readTree(dataset.resolve("manifest.json").toFile());
        try (BufferAllocator allocator = new RootAllocator()) {
            for (var split : (Iterable<Map.Entry<String, JsonNode>>) manifest.get("splits")::fields) {
                for (JsonNode file : split.getValue()) {
                    read(dataset.resolve(file.asText()), split.getKey(), allocator);
                }
            }
        }
    }

    private void read(Path file, String split, BufferAllocator allocator) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            schemas.add(root.getSchema());
            while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    Row r = new Row();
                    r.split = split;
                    r.id = ((VarCharVector) root.getVector("id")).getObject(i).toString();
                    IntVector cat = (IntVector) root.getVector("category");
                    r.category = cat.isNull(i) ? null : cat.get(i);
                    r.categoryName = text(root.getVector("category_name"), i);
                    BigIntVector g = (BigIntVector) root.getVector("product_group");
                    r.productGroup = g.isNull(i) ? null : g.get(i);
                    r.title = text(root.getVector("title"), i);
                    if (root.getVector("title_ids") != null) {
                        r.titleIds = ints((ListVector) root.getVector("title_ids"), i);
                        r.tableIds = tableIds((ListVector) root.getVector("table_ids"), i);
                    }
                    r.table = table((ListVector) root.getVector("table"), i);
                    ListVector image = (ListVector) root.getVector("image_feats");
                    r.image = floats(image, i);
                    r.imageRows = r.image == null ? 0 : image.getElementEndIndex(i) - image.getElementStartIndex(i);
                    r.boxes = floats((ListVector) root.getVector("image_boxes"), i);
                    ListVector video = (ListVector) root.getVector("video_feats");
                    r.video = floats(video, i);
                    r.videoHalf = halfBits(video, i);
                    r.videoRows = r.video == null ? 0 : video.getElementEndIndex(i) - video.getElementStartIndex(i);
                    ListVector audio = (ListVector) root.getVector("audio_feats");
                    r.audio = floats(audio, i);
                    r.audioRows = r.audio == null ? 0 : audio.getElementEndIndex(i) - audio.getElementStartIndex(i);
                    rows.put(split + "/" + r.id, r);
                }
            }
        }
    }

    private static String text(FieldVector v, int i) {
        return v.isNull(i) ? null : ((VarCharVector) v).getObject(i).toString();
    }

    private static int[] ints(ListVector list, int i) {
        if (list.isNull(i)) {
            return null;
        }
        IntVector data = (IntVector) list.getDataVector();
        int start = list.getElementStartIndex(i);
        int end = list.getElementEndIndex(i);
        int[] out = new int[end - start];
        for (int k = start; k < end; k++) {
            out[k - start] = data.get(k);
        }
        return out;
    }

    private static List<String[]> table(ListVector list, int i) {
        if (list.isNull(i)) {
            return null;
        }
        StructVector items = (StructVector) list.getDataVector();
        VarCharVector keys = (VarCharVector) items.getChild("key");
        VarCharVector values = (VarCharVector) items.getChild("value");
        List<String[]> out = new ArrayList<>();
        for (int k = list.getElementStartIndex(i); k < list.getElementEndIndex(i); k++) {
            out.add(new String[] {keys.getObject(k).toString(), values.getObject(k).toString()});
        }
        return out;
    }

    private static List<int[][]> tableIds(ListVector list, int i) {
        if (list.isNull(i)) {
            return null;
        }
        StructVector items = (StructVector) list.getDataVector();
        ListVector keys = (ListVector) items.getChild("key_ids");
        ListVector values = (ListVector) items.getChild("value_ids");
        List<int[][]> out = new ArrayList<>();
        for (int k = list.getElementStartIndex(i); k < list.getElementEndIndex(i); k++) {
            out.add(new int[][] {ints(keys, k), ints(values, k)});
        }
        return out;
    }

    private static float[] floats(ListVector list, int i) {
        if (list.isNull(i)) {
            return null;
        }
        FixedSizeListVector rows = (FixedSizeListVector) list.getDataVector();
        int dim = rows.getListSize();
        FieldVector leaf = rows.getDataVector();
        int start = list.getElementStartIndex(i) * dim;
        int end = list.getElementEndIndex(i) * dim;
        float[] out = new float[end - start];
        for (int k = start; k < end; k++) {
            out[k - start] = leaf instanceof Float2Vector h ? h.getValueAsFloat(k) : ((Float4Vector) leaf).get(k);
        }
        return out;
    }

    private static short[] halfBits(ListVector list, int i) {
        FixedSizeListVector rows = (FixedSizeListVector) list.getDataVector();
        if (list.isNull(i) || !(rows.getDataVector() instanceof Float2Vector h)) {
            return null;
        }
        int dim = rows.getListSize();
        int start = list.getElementStartIndex(i) * dim;
        int end = list.getElementEndIndex(i) * dim;
        short[] out = new short[end - start];
        for (int k = start; k < end; k++) {
            out[k - start] = h.get(k);
        }
        return out;
    }
}
