package org.scale4j.data.importer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipInputStream;

/**
 * Writes a small M5Product in the authors' formats (spec 1.5) with paper-sized features, and
 * remembers what every product should become.
 *
 * <p>Products: {@code 1001} complete; {@code 1002} no video file, and a second TSV line later in
 * the same file (duplicate); {@code 1003} bad base64 features and a garbage audio file;
 * {@code 1004} audio of the wrong shape and a pv item without separator; {@code 1005} no caption
 * entry; {@code 1006} caption only (no TSV line), no audio; {@code 1007} in no split list and
 * without caption; {@code 1008} empty pv and a label outside the label list.
 * {@code .npy} files are written by DJL ({@code NDList.encode(NPZ)}, entry extracted).
 */
final class M5Fixture {

    static final int IMAGE_DIM = 2048;
    static final int VIDEO_DIM = 1024;
    static final int AUDIO_ROWS = 80;
    static final int AUDIO_DIM = 751;
    static final List<String> LABELS = List.of("女装", "数码", "家居");

    /** What one product should import as (null = missing modality). */
    static final class Expected {
        String id;
        String title;
        List<String[]> table;
        String label;
        Integer category;
        float[] features;
        float[] pixelBoxes;
        int boxes;
        double w;
        double h;
        short[] videoHalf;
        int frames;
        float[] audio;
        List<String> splits = new ArrayList<>();
    }

    final Path dir;
    final Path tsv0;
    final Path tsv1;
    final Path captions;
    final Path idLabels;
    final Path labelList;
    final Path trainIds;
    final Path testIds;
    final Path videoDir;
    final Path audioDir;
    final Path tokenizer;
    final Map<String, Expected> expected = new LinkedHashMap<>();

    private final Random random = new Random(42);
    private final ObjectMapper json = new ObjectMapper();

    M5Fixture(Path dir) throws IOException {
        this.dir = dir;
        tsv0 = dir.resolve("feats_0.tsv");
        tsv1 = dir.resolve("feats_1.tsv");
        captions = dir.resolve("product5m_caption.json");
        idLabels = dir.resolve("subset_id_label.json");
        labelList = dir.resolve("subset_label_list.json");
        trainIds = dir.resolve("train_ids.txt");
        testIds = dir.resolve("test_ids.json");
        videoDir = Files.createDirectories(dir.resolve("video_feature"));
        audioDir = Files.createDirectories(dir.resolve("audio_feature"));
        tokenizer = dir.resolve("tokenizer.json");
        write();
    }

    private void write() throws IOException {
        Expected p1 = product("1001", 4, 640, 480, "红色连衣裙 夏季New", "颜色#:#红色#;#尺码#:#M", "女装");
        Expected p2 = product("1002", 3, 800, 800, "无线耳机", "品牌#:#小米", "数码");
        Expected p3 = product("1003", 2, 500, 375, "北欧 台灯", "材质#:#金属#;#光源#:#LED", "家居");
        Expected p4 = product("1004", 5, 1000, 750, "手机壳", "颜色#:#黑色#;#无分隔符#;#型号#:#X", "数码");
        Expected p5 = product("1005", 1, 300, 300, null, null, null);
        Expected p6 = product("1006", 0, 0, 0, "沙发垫 #;# 四季通用", "材质#:#棉#:#麻", "家居");
        Expected p7 = product("1007", 2, 720, 1280, null, null, null);
        Expected p8 = product("1008", 3, 600, 600, "儿童玩具", "", "玩具");

        for (Expected e : List.of(p1, p2, p3, p4, p5, p7, p8)) {
            e.frames = 1 + random.nextInt(12);
        }
        p6.frames = 2;
        p2.frames = 0; // no video file
        for (Expected e : expected.values()) {
            if (e.frames > 0) {
                e.videoHalf = writeVideo(e.id, e.frames);
            }
        }
        for (Expected e : List.of(p1, p2, p5, p7, p8)) {
            e.audio = writeAudio(e.id, AUDIO_ROWS, AUDIO_DIM);
        }
        Files.write(audioDir.resolve("1003.npy"), "this is not a numpy file".getBytes(StandardCharsets.US_ASCII));
        writeAudio("1004", AUDIO_ROWS, AUDIO_DIM - 1); // wrong shape: [80, 750]

        // TSV 0: 1001, 1002, 1003 (bad base64), then 1002 again (duplicate)
        List<String> lines0 = new ArrayList<>();
        lines0.add(tsvLine(p1, false));
        lines0.add(tsvLine(p2, false));
        lines0.add(tsvLine(p3, true));
        lines0.add(tsvLine(p2, false));
        Files.writeString(tsv0, String.join("\n", lines0) + "\n", StandardCharsets.UTF_8);
        // TSV 1: b'...' wrapped base64 (Python 3 csv of bytes) and CRLF line ends
        List<String> lines1 = new ArrayList<>();
        for (Expected e : List.of(p4, p5, p7, p8)) {
            lines1.add(tsvLine(e, false));
        }
        String wrapped = lines1.get(0);
        String[] cols = wrapped.split("\t", -1);
        cols[4] = "b'" + cols[4] + "'";
        cols[5] = "b'" + cols[5] + "'";
        lines1.set(0, String.join("\t", cols));
        Files.writeString(tsv1, String.join("\r\n", lines1) + "\r\n", StandardCharsets.UTF_8);
        p3.features = null;
        p3.pixelBoxes = null;
        p3.audio = null;
        p4.audio = null;
        p6.features = null;
        p6.pixelBoxes = null;

        ObjectNode caps = json.createObjectNode();
        for (Expected e : List.of(p1, p2, p3, p4, p6, p8)) {
            ObjectNode entry = caps.putObject(e.id);
            entry.put("title", e.title);
            entry.put("pv", pvOf(e));
            entry.put("label", e.label);
            entry.put("url", "https://example.invalid/" + e.id);
        }
        json.writeValue(captions.toFile(), caps);
        p4.table = List.of(new String[] {"颜色", "黑色"}, new String[] {"型号", "X"});
        p6.table = List.<String[]>of(new String[] {"材质", "棉#:#麻"});
        p8.table = null;

        // the subset label file relabels 1002; the label list fixes the category order
        ObjectNode labels = json.createObjectNode();
        labels.putObject("1002").put("label", "家居").put("title", "无线耳机");
        json.writeValue(idLabels.toFile(), labels);
        p2.label = "家居";
        json.writeValue(labelList.toFile(), LABELS);
        for (Expected e : expected.values()) {
            e.category = e.label == null ? null : LABELS.indexOf(e.label) < 0 ? null : LABELS.indexOf(e.label);
        }

        Files.writeString(trainIds, "1001\n1002\n\n1003\n1006\n", StandardCharsets.UTF_8);
        json.writeValue(testIds.toFile(), List.of("1004", 1005, "1008"));
        for (String id : List.of("1001", "1002", "1003", "1006")) {
            expected.get(id).splits.add("train");
        }
        for (String id : List.of("1004", "1005", "1008")) {
            expected.get(id).splits.add("test");
        }
        expected.get("1007").splits.add("train"); // the default split

        Files.writeString(tokenizer, TOKENIZER_JSON, StandardCharsets.UTF_8);
    }

    private static String pvOf(Expected e) {
        return switch (e.id) {
            case "1004" -> "颜色#:#黑色#;#无分隔符#;#型号#:#X";
            case "1006" -> "材质#:#棉#:#麻";
            case "1008" -> "";
            default -> {
                StringBuilder sb = new StringBuilder();
                for (String[] kv : e.table) {
                    sb.append(sb.length() == 0 ? "" : "#;#").append(kv[0]).append("#:#").append(kv[1]);
                }
                yield sb.toString();
            }
        };
    }

    private Expected product(String id, int boxes, double w, double h, String title, String pv, String label) {
        Expected e = new Expected();
        e.id = id;
        e.title = title;
        e.label = label;
        e.boxes = boxes;
        e.w = w;
        e.h = h;
        if (pv != null && pv.length() > 1 && !id.equals("1004") && !id.equals("1006")) {
            List<String[]> t = new ArrayList<>();
            for (String item : pv.split("#;#")) {
                String[] kv = item.split("#:#", 2);
                t.add(kv);
            }
            e.table = t;
        }
        if (boxes > 0) {
            e.features = new float[boxes * IMAGE_DIM];
            for (int i = 0; i < e.features.length; i++) {
                e.features[i] = (float) (random.nextGaussian() * 3);
            }
            e.pixelBoxes = new float[boxes * 4];
            for (int b = 0; b < boxes; b++) {
                float x1 = (float) (random.nextDouble() * w / 2);
                float y1 = (float) (random.nextDouble() * h / 2);
                e.pixelBoxes[b * 4] = x1;
                e.pixelBoxes[b * 4 + 1] = y1;
                e.pixelBoxes[b * 4 + 2] = x1 + (float) (random.nextDouble() * w / 2);
                e.pixelBoxes[b * 4 + 3] = y1 + (float) (random.nextDouble() * h / 2);
            }
        }
        expected.put(id, e);
        return e;
    }

    private String tsvLine(Expected e, boolean corruptFeatures) {
        String features = base64(e.features);
        if (corruptFeatures) {
            features = features.substring(0, 100) + "*!*" + features.substring(103);
        }
        return String.join("\t", e.id, String.valueOf((int) e.w), String.valueOf((int) e.h),
                String.valueOf(e.boxes), base64(e.pixelBoxes), features, e.title == null ? "" : e.title);
    }

    static String base64(float[] values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bb.array());
    }

    /** Writes {@code [frames,1024]} float16 and returns the half bits as stored. */
    private short[] writeVideo(String id, int frames) throws IOException {
        float[] values = gaussian(frames * VIDEO_DIM);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray half = m.create(values, new Shape(frames, VIDEO_DIM)).toType(DataType.FLOAT16, false);
            writeNpy(videoDir.resolve(id + ".npy"), half);
            ByteBuffer bb = half.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            short[] bits = new short[frames * VIDEO_DIM];
            bb.asShortBuffer().get(bits);
            return bits;
        }
    }

    private float[] writeAudio(String id, int rows, int dim) throws IOException {
        float[] values = gaussian(rows * dim);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            writeNpy(audioDir.resolve(id + ".npy"), m.create(values, new Shape(rows, dim)));
        }
        return values;
    }

    private float[] gaussian(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** A real .npy through DJL: its NPZ encoder writes each array as a .npy zip entry. */
    static void writeNpy(Path file, NDArray array) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new NDList(array).encode(zip, NDList.Encoding.NPZ);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            if (in.getNextEntry() == null) {
                throw new UncheckedIOException(new IOException("DJL wrote an empty npz"));
            }
            Files.write(file, in.readAllBytes());
        }
    }

    /** A WordPiece tokenizer in HF format, BERT-Chinese style (CJK characters split, lower case). */
    static final String TOKENIZER_JSON = """
            {"version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
             "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                            "strip_accents": null, "lowercase": true},
             "pre_tokenizer": {"type": "BertPreTokenizer"},
             "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
             "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                       "max_input_chars_per_word": 100,
                       "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "红": 5, "色": 6,
                                 "连": 7, "衣": 8, "裙": 9, "夏": 10, "季": 11, "颜": 12, "尺": 13, "码": 14,
                                 "m": 15, "new": 16}}}
            """;
}
