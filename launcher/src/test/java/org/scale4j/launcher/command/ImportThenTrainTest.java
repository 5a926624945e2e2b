package org.scale4j.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;
import org.scale4j.tensorboard.reader.EventFileReader;
import org.scale4j.tensorboard.reader.TfEvent;
import org.scale4j.tensorboard.reader.TfValue;

/**
 * Issue 7's last requirement: data in the authors' formats (spec 1.5), imported by
 * {@code scale4j import m5product}, trains. Features are small (64/48/32, 8 audio rows) so that
 * the quickstart model fits them; titles and tables are Chinese as in the release.
 */
class ImportThenTrainTest {

    private static final String[] LABELS = {"女装", "数码", "家居"};
    private static final String[] TITLES = {"红色连衣裙 夏季", "无线 蓝牙 耳机", "北欧 台灯 卧室"};

    @TempDir
    Path tmp;

    @Test
    void importedM5ProductTrains() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("m5"));
        Path video = Files.createDirectories(src.resolve("video_feature"));
        Path audio = Files.createDirectories(src.resolve("audio_feature"));
        Random random = new Random(7);
        StringBuilder tsv = new StringBuilder();
        StringBuilder captions = new StringBuilder("{");
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = Integer.toString(5000 + i);
            int label = i % 3;
            int boxes = 1 + random.nextInt(10);
            float[] pixelBoxes = new float[boxes * 4];
            float[] features = new float[boxes * 64];
            for (int b = 0; b < boxes; b++) {
                pixelBoxes[b * 4] = random.nextInt(100);
                pixelBoxes[b * 4 + 1] = random.nextInt(100);
                pixelBoxes[b * 4 + 2] = 100 + random.nextInt(100);
                pixelBoxes[b * 4 + 3] = 100 + random.nextInt(100);
            }
            for (int f = 0; f < features.length; f++) {
                features[f] = (float) (label + random.nextGaussian() * 0.5);
            }
            tsv.append(String.join("\t", id, "200", "200", Integer.toString(boxes), base64(pixelBoxes), base64(features),
                    TITLES[label])).append('\n');
            captions.append(i == 0 ? "" : ",").append('"').append(id).append("\":{\"title\":\"").append(TITLES[label])
                    .append(" 款").append(i).append("\",\"pv\":\"颜色#:#红#;#尺码#:#M").append(label)
                    .append("\",\"label\":\"").append(LABELS[label]).append("\"}");
            if (i % 7 != 3) { // some products have no video file: the video modality is null for them
                writeNpy(video.resolve(id + ".npy"), 1 + random.nextInt(6), 48, label, random);
            }
            writeNpy(audio.resolve(id + ".npy"), 8, 32, label, random);
            (i < 45 ? train : test).add(id);
        }
        captions.append('}');
        Files.writeString(src.resolve("feats.tsv"), tsv, StandardCharsets.UTF_8);
        Files.writeString(src.resolve("captions.json"), captions, StandardCharsets.UTF_8);
        Files.writeString(src.resolve("labels.json"), "[\"女装\",\"数码\",\"家居\"]", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("train.txt"), String.join("\n", train) + "\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("test.txt"), String.join("\n", test) + "\n", StandardCharsets.UTF_8);

        Path out = tmp.resolve("imported");
        CliRun imported = CliRun.of("import", "m5product", "--tsv", src.resolve("feats.tsv").toString(),
                "--captions", src.resolve("captions.json").toString(), "--label-list", src.resolve("labels.json").toString(),
                "--split", "train=" + src.resolve("train.txt"), "--split", "test=" + src.resolve("test.txt"),
                "--video-dir", video.toString(), "--audio-dir", audio.toString(), "--dims", "64,48,32",
                "--audio-rows", "8", "--out", out.toString(), "--threads", "1");
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().startsWith("imported 60 products into "), imported.out());

        List<String> args = new ArrayList<>(TrainEvalEmbedTest.tinyRun(tmp,
                "--set", "data.source={type: arrow, path: " + out + "}",
                "--set", "trainer.steps=4", "--set", "trainer.val_every=0", "--set", "eval.tasks=[]"));
        CliRun trained = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, trained.status(), trained.err());
        Path run = tmp.resolve("runs/quickstart/version_0");
        List<Double> losses = new ArrayList<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path events : files.filter(p -> p.getFileName().toString().contains("tfevents")).toList()) {
                for (TfEvent event : EventFileReader.read(events).events()) {
                    for (TfValue value : event.values()) {
                        if (value.tag().equals("loss/total")) {
                            losses.add(value.scalar());
                        }
                    }
                }
            }
        }
        assertEquals(4, losses.size(), losses.toString());
        assertTrue(losses.stream().allMatch(Double::isFinite), losses.toString());

        // With --tokenizer the import adds title_ids; the tokens kind trains on them directly.
        Path tokenizer = src.resolve("tokenizer.json");
        StringBuilder vocab = new StringBuilder("\"[PAD]\":0,\"[UNK]\":1,\"[CLS]\":2,\"[SEP]\":3,\"[MASK]\":4");
        int next = 5;
        for (String word : List.of("红色连衣裙", "夏季", "无线", "蓝牙", "耳机", "北欧", "台灯", "卧室", "款")) {
            vocab.append(",\"").append(word).append("\":").append(next++);
        }
        Files.writeString(tokenizer, "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":null,\"pre_tokenizer\":{\"type\":\"Whitespace\"},\"post_processor\":null,"
                + "\"decoder\":null,\"model\":{\"type\":\"WordLevel\",\"vocab\":{" + vocab + "},"
                + "\"unk_token\":\"[UNK]\"}}", StandardCharsets.UTF_8);
        Path tokenized = tmp.resolve("tokenized");
        CliRun withIds = CliRun.of("import", "m5product", "--tsv", src.resolve("feats.tsv").toString(),
                "--captions", src.resolve("captions.json").toString(), "--label-list", src.resolve("labels.json").toString(),
                "--split", "train=" + src.resolve("train.txt"), "--split", "test=" + src.resolve("test.txt"),
                "--video-dir", video.toString(), "--audio-dir", audio.toString(), "--dims", "64,48,32",
                "--audio-rows", "8", "--out", tokenized.toString(), "--threads", "1", "--tokenizer", tokenizer.toString());
        assertEquals(0, withIds.status(), withIds.err());
        List<String> idArgs = new ArrayList<>(TrainEvalEmbedTest.tinyRun(tmp.resolve("ids"),
                "--set", "data.source={type: arrow, path: " + tokenized + "}",
                "--set", "data.modalities.text={column: title_ids, kind: tokens, max_len: 24, pretokenized: true, "
                        + "tokenizer: {type: hf, path: " + tokenizer + "}}",
                "--set", "trainer.steps=2", "--set", "trainer.val_every=0", "--set", "eval.tasks=[]"));
        CliRun trainedOnIds = CliRun.of(idArgs.toArray(new String[0]));
        assertEquals(0, trainedOnIds.status(), trainedOnIds.err());
    }

    private static String base64(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** A float32 {@code .npy} (format 1.0) of shape {@code [rows, cols]}: the test's own fixture writer. */
    private static void writeNpy(Path file, int rows, int cols, int label, Random random) throws IOException {
        String header = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
                rows, cols);
        int total = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + padded.length() + rows * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) padded.length()).put(padded.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < rows * cols; i++) {
            buffer.putFloat((float) (label + random.nextGaussian() * 0.5));
        }
        Files.write(file, buffer.array());
    }
}
