package org.scale4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import com.google.protobuf.WireFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

/** Files we write, decoded with TensorFlow's own generated classes (tensorflow-core-native 1.1.0). */
class EventWriterTfInteropTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), ZoneOffset.UTC);
    private static final double WALL = 1_700_000_000.25;

    @TempDir
    Path tmp;

    private EventWriter writer() {
        return EventWriter.builder().setLogDir(tmp.resolve("run")).optClock(CLOCK).optShutdownHook(false).build();
    }

    @Test
    void firstEventIsTheFileVersion() throws IOException {
        try (EventWriter w = writer()) {
            w.addScalar("a", 1, 1);
        }
        Path file = TfRecords.onlyEventFile(tmp.resolve("run"));
        String name = file.getFileName().toString();
        assertTrue(name.matches("events\\.out\\.tfevents\\.1700000000\\.[A-Za-z0-9._-]+\\."
                + ProcessHandle.current().pid() + "\\.0"), name);
        Event first = TfRecords.events(file).get(0);
        assertEquals("brain.Event:2", first.getFileVersion());
        assertEquals(WALL, first.getWallTime());
        assertEquals(0, first.getStep());
        assertEquals("scale4j", first.getSourceMetadata().getWriter());
    }

    @Test
    void scalars() throws IOException {
        try (EventWriter w = writer()) {
            w.addScalar("loss/total", 2.5, 7);
            Map<String, Double> many = new LinkedHashMap<>();
            many.put("lr", 3.0e-4);
            many.put("grad_norm", 0.125);
            w.addScalars(many, 8);
        }
        List<Event> events = TfRecords.events(TfRecords.onlyEventFile(tmp.resolve("run")));
        assertEquals(3, events.size());
        Event one = events.get(1);
        assertEquals(7, one.getStep());
        assertEquals(WALL, one.getWallTime());
        Summary.Value v = one.getSummary().getValue(0);
        assertEquals("loss/total", v.getTag());
        assertEquals(Summary.Value.ValueCase.SIMPLE_VALUE, v.getValueCase());
        assertEquals(2.5f, v.getSimpleValue());
        Event two = events.get(2);
        assertEquals(8, two.getStep());
        assertEquals(2, two.getSummary().getValueCount());
        assertEquals("lr", two.getSummary().getValue(0).getTag());
        assertEquals(3.0e-4f, two.getSummary().getValue(0).getSimpleValue());
        assertEquals("grad_norm", two.getSummary().getValue(1).getTag());
        assertEquals(0.125f, two.getSummary().getValue(1).getSimpleValue());
    }

    @Test
    void histogram() throws IOException {
        float[] values = new float[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 10f; // 0.0 .. 9.9
        }
        try (EventWriter w = EventWriter.builder().setLogDir(tmp.resolve("run")).optClock(CLOCK)
                .optShutdownHook(false).optHistogramBins(10).build()) {
            w.addHistogram("weights/w", values, 3);
        }
        Event e = TfRecords.events(TfRecords.onlyEventFile(tmp.resolve("run"))).get(1);
        assertEquals(3, e.getStep());
        Summary.Value v = e.getSummary().getValue(0);
        assertEquals("weights/w", v.getTag());
        HistogramProto h = v.getHisto();
        assertEquals(0.0, h.getMin());
        assertEquals(9.9f, h.getMax());
        assertEquals(100.0, h.getNum());
        double sum = 0;
        double sq = 0;
        for (float f : values) {
            sum += f;
            sq += (double) f * f;
        }
        assertEquals(sum, h.getSum(), 1e-9);
        assertEquals(sq, h.getSumSquares(), 1e-9);
        assertEquals(11, h.getBucketLimitCount());
        assertEquals(0.0, h.getBucketLimit(0));
        assertEquals(9.9f, h.getBucketLimit(10));
        List<Double> expectedCounts = new ArrayList<>(List.of(0.0));
        for (int i = 0; i < 10; i++) {
            expectedCounts.add(10.0);
        }
        assertEquals(expectedCounts, h.getBucketList());
    }

    @Test
    void image() throws IOException {
        byte[] px = new byte[4 * 3 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7);
        }
        try (EventWriter w = writer()) {
            w.addImage("graph/modality_pairs", Image.rgb(4, 3, px), 5);
        }
        Event e = TfRecords.events(TfRecords.onlyEventFile(tmp.resolve("run"))).get(1);
        Summary.Value v = e.getSummary().getValue(0);
        assertEquals("graph/modality_pairs", v.getTag());
        Summary.Image img = v.getImage();
        assertEquals(4, img.getWidth());
        assertEquals(3, img.getHeight());
        assertEquals(3, img.getColorspace());
        BufferedImage decoded = ImageIO.read(img.getEncodedImageString().newInput());
        assertEquals(4, decoded.getWidth());
        assertEquals(3, decoded.getHeight());
        int o = (2 * 4 + 3) * 3;
        assertEquals(((px[o] & 0xff) << 16) | ((px[o + 1] & 0xff) << 8) | (px[o + 2] & 0xff),
                decoded.getRGB(3, 2) & 0xffffff);
    }

    @Test
    void text() throws IOException {
        String markdown = "| key | value |\n|---|---|\n| lr | 3e-4 |\n\nünïcode ✓";
        try (EventWriter w = writer()) {
            w.addText("recipe", markdown, 0);
        }
        Summary.Value v = TfRecords.events(TfRecords.onlyEventFile(tmp.resolve("run"))).get(1).getSummary().getValue(0);
        assertEquals("recipe/text_summary", v.getTag());
        assertEquals("text", v.getMetadata().getPluginData().getPluginName());
        assertTrue(v.getMetadata().getPluginData().getContent().isEmpty(), "TextPluginData{version=0} is empty");
        assertEquals(DataType.DT_STRING, v.getTensor().getDtype());
        assertEquals(1, v.getTensor().getTensorShape().getDimCount());
        assertEquals(1, v.getTensor().getTensorShape().getDim(0).getSize());
        assertEquals(markdown, v.getTensor().getStringVal(0).toString(StandardCharsets.UTF_8));
    }

    @Test
    void hparams() throws IOException {
        Map<String, Object> hp = new TreeMap<>();
        hp.put("trainer.optimizer.lr", 3.0e-4);
        hp.put("model.hidden", 128);
        hp.put("model.fusion.type", "joint-co-transformer");
        hp.put("data.shuffle", true);
        try (EventWriter w = writer()) {
            w.addHparamsSessionStart(hp);
            w.addScalar("loss/total", 1.5, 10);
            w.addScalar("eval/coarse/mAP@1", 0.25, 10);
            w.addHparamsSessionEnd(SessionStatus.SUCCESS, List.of("loss/total", "eval/coarse/mAP@1"), 10);
        }
        List<Event> events = TfRecords.events(TfRecords.onlyEventFile(tmp.resolve("run")));
        Map<String, Summary.Value> byTag = new TreeMap<>();
        for (Event e : events) {
            for (Summary.Value v : e.getSummary().getValueList()) {
                byTag.put(v.getTag(), v);
            }
        }
        for (String tag : List.of("_hparams_/session_start_info", "_hparams_/experiment", "_hparams_/session_end_info")) {
            Summary.Value v = byTag.get(tag);
            assertEquals("hparams", v.getMetadata().getPluginData().getPluginName(), tag);
            assertEquals(Summary.Value.ValueCase.VALUE_NOT_SET, v.getValueCase(), tag + " carries metadata only");
        }

        // HParamsPluginData{session_start_info=3{hparams=1 map, start_time_secs=5}}
        byte[] start = only(byTag.get("_hparams_/session_start_info").getMetadata().getPluginData().getContent().toByteArray(), 3);
        Map<String, Value> startValues = new TreeMap<>();
        double startTime = Double.NaN;
        CodedInputStream in = CodedInputStream.newInstance(start);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == field(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                CodedInputStream entry = CodedInputStream.newInstance(in.readByteArray());
                String key = null;
                Value value = null;
                for (int t = entry.readTag(); t != 0; t = entry.readTag()) {
                    if (t == field(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                        key = entry.readString();
                    } else if (t == field(2, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                        value = Value.parseFrom(entry.readByteArray());
                    } else {
                        throw new AssertionError("unexpected map entry field " + t);
                    }
                }
                startValues.put(key, value);
            } else if (tag == field(5, WireFormat.WIRETYPE_FIXED64)) {
                startTime = in.readDouble();
            } else {
                throw new AssertionError("unexpected SessionStartInfo field " + WireFormat.getTagFieldNumber(tag));
            }
        }
        assertEquals(WALL, startTime);
        assertEquals(Map.of(
                "data.shuffle", Value.newBuilder().setBoolValue(true).build(),
                "model.fusion.type", Value.newBuilder().setStringValue("joint-co-transformer").build(),
                "model.hidden", Value.newBuilder().setNumberValue(128).build(),
                "trainer.optimizer.lr", Value.newBuilder().setNumberValue(3.0e-4).build()), startValues);

        // HParamsPluginData{experiment=2{time_created_secs=3, hparam_infos=4, metric_infos=5}}
        byte[] experiment = only(byTag.get("_hparams_/experiment").getMetadata().getPluginData().getContent().toByteArray(), 2);
        List<String> infos = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        double created = Double.NaN;
        in = CodedInputStream.newInstance(experiment);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 3 -> created = in.readDouble();
                case 4 -> infos.add(hparamInfo(in.readByteArray()));
                case 5 -> metrics.add(metricTag(in.readByteArray()));
                default -> throw new AssertionError("unexpected Experiment field " + WireFormat.getTagFieldNumber(tag));
            }
        }
        assertEquals(WALL, created);
        assertEquals(List.of("data.shuffle:BOOL:[false,true]", "model.fusion.type:STRING", "model.hidden:FLOAT64",
                "trainer.optimizer.lr:FLOAT64"), infos);
        assertEquals(List.of("eval/coarse/mAP@1", "loss/total"), metrics);
        assertTrue(byTag.containsKey("loss/total") && byTag.containsKey("eval/coarse/mAP@1"),
                "metric tags exist as scalars in the same run");

        // HParamsPluginData{session_end_info=4{status=1, end_time_secs=2}}
        byte[] end = only(byTag.get("_hparams_/session_end_info").getMetadata().getPluginData().getContent().toByteArray(), 4);
        in = CodedInputStream.newInstance(end);
        assertEquals(field(1, WireFormat.WIRETYPE_VARINT), in.readTag());
        assertEquals(1, in.readEnum(), "Status.SUCCESS");
        assertEquals(field(2, WireFormat.WIRETYPE_FIXED64), in.readTag());
        assertEquals(WALL, in.readDouble());
        assertEquals(0, in.readTag());
    }

    /** The payload of the single field {@code number} of an HParamsPluginData (version 0 is not written). */
    private static byte[] only(byte[] pluginData, int number) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(pluginData);
        assertEquals(field(number, WireFormat.WIRETYPE_LENGTH_DELIMITED), in.readTag());
        byte[] payload = in.readByteArray();
        assertEquals(0, in.readTag(), "one field only");
        assertFalse(payload.length == 0);
        return payload;
    }

    private static String hparamInfo(byte[] info) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(info);
        String name = null;
        String type = null;
        String domain = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 4 -> type = switch (in.readEnum()) {
                    case 1 -> "STRING";
                    case 2 -> "BOOL";
                    case 3 -> "FLOAT64";
                    default -> "UNSET";
                };
                case 5 -> {
                    ListValue list = ListValue.parseFrom(in.readByteArray());
                    domain = ":" + list.getValuesList().stream().map(v -> String.valueOf(v.getBoolValue())).toList()
                            .toString().replace(" ", "");
                }
                default -> throw new AssertionError("unexpected HParamInfo field " + WireFormat.getTagFieldNumber(tag));
            }
        }
        return name + ":" + type + domain;
    }

    private static String metricTag(byte[] metricInfo) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(metricInfo);
        assertEquals(field(1, WireFormat.WIRETYPE_LENGTH_DELIMITED), in.readTag());
        CodedInputStream name = CodedInputStream.newInstance(in.readByteArray());
        assertEquals(0, in.readTag());
        assertEquals(field(2, WireFormat.WIRETYPE_LENGTH_DELIMITED), name.readTag(), "MetricName.tag, group empty");
        String tag = name.readString();
        assertEquals(0, name.readTag());
        return tag;
    }

    private static int field(int number, int wireType) {
        return (number << 3) | wireType;
    }

    @Test
    void ourReaderAgreesWithTensorFlow() throws IOException {
        try (EventWriter w = writer()) {
            for (int step = 1; step <= 50; step++) {
                w.addScalar("loss/total", 1.0 / step, step);
            }
            w.addText("notes", "hello", 50);
        }
        Path file = TfRecords.onlyEventFile(tmp.resolve("run"));
        List<Event> tf = TfRecords.events(file);
        org.scale4j.tensorboard.reader.EventFile ours = org.scale4j.tensorboard.reader.EventFileReader.read(file);
        assertTrue(ours.isClean());
        assertEquals(tf.size(), ours.events().size());
        for (int i = 1; i <= 50; i++) {
            assertEquals(tf.get(i).getSummary().getValue(0).getSimpleValue(), ours.scalars("loss/total").get((long) i), 0.0);
        }
        assertEquals("hello", ours.values("notes/text_summary").get(50L).text());
        assertArrayEquals(new byte[0], ours.values("notes/text_summary").get(50L).pluginContent());
    }
}
