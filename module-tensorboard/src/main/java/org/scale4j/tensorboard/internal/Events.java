package org.scale4j.tensorboard.internal;

import java.nio.charset.StandardCharsets;

/**
 * Encodes TensorBoard {@code Event} and {@code Summary.Value} messages
 * ({@code tensorboard/compat/proto/event.proto} and {@code summary.proto}).
 *
 * <p>Field numbers used here: Event {@code wall_time=1 step=2 file_version=3 summary=5
 * source_metadata=10}; Summary {@code value=1}; Value {@code tag=1 simple_value=2 image=4 histo=5
 * tensor=8 metadata=9}; SummaryMetadata {@code plugin_data=1 {plugin_name=1 content=2}}.
 */
public final class Events {

    /** The version string TensorBoard expects in the first event of a file. */
    public static final String FILE_VERSION = "brain.Event:2";
    /** Written into the first event's {@code source_metadata.writer}. */
    public static final String WRITER_NAME = "scale4j";

    private static final int DT_STRING = 7;

    private Events() {
    }

    /** The first event of every file: {@code file_version "brain.Event:2"} at step 0. */
    public static byte[] fileVersion(double wallTime) {
        return new ProtoWriter(48).doubleField(1, wallTime).string(3, FILE_VERSION)
                .message(10, new ProtoWriter(16).string(1, WRITER_NAME))
                .toByteArray();
    }

    /** An event holding one summary value. */
    public static byte[] summaryEvent(double wallTime, long step, byte[] value) {
        byte[] summary = new ProtoWriter(value.length + 4).bytes(1, value).toByteArray();
        return new ProtoWriter(summary.length + 24).doubleField(1, wallTime).int64(2, step).bytes(5, summary)
                .toByteArray();
    }

    /** An event holding several summary values (one record for many scalars of a step). */
    public static byte[] summaryEvent(double wallTime, long step, java.util.List<byte[]> values) {
        ProtoWriter summary = new ProtoWriter(values.size() * 24);
        for (byte[] value : values) {
            summary.bytes(1, value);
        }
        byte[] summaryBytes = summary.toByteArray();
        return new ProtoWriter(summaryBytes.length + 24).doubleField(1, wallTime).int64(2, step).bytes(5, summaryBytes)
                .toByteArray();
    }

    /** A scalar in the legacy {@code simple_value} form, which every TensorBoard version reads. */
    public static byte[] scalarValue(String tag, float value) {
        return new ProtoWriter(tag.length() + 12).string(1, tag).floatField(2, value).toByteArray();
    }

    /** A histogram value around an encoded {@code HistogramProto}. */
    public static byte[] histogramValue(String tag, byte[] histogramProto) {
        return new ProtoWriter(tag.length() + histogramProto.length + 8).string(1, tag).bytes(5, histogramProto)
                .toByteArray();
    }

    /**
     * An image value: {@code Image{height=1 width=2 colorspace=3 encoded_image_string=4}}; the
     * colour space number equals the channel count.
     */
    public static byte[] imageValue(String tag, int width, int height, int channels, byte[] png) {
        byte[] image = new ProtoWriter(png.length + 24).int32(1, height).int32(2, width).int32(3, channels)
                .bytes(4, png).toByteArray();
        return new ProtoWriter(image.length + tag.length() + 8).string(1, tag).bytes(4, image).toByteArray();
    }

    /**
     * A text value for the text plugin: a rank-1 {@code DT_STRING} tensor of one UTF-8 string,
     * with plugin {@code "text"} (its {@code TextPluginData{version=0}} content encodes to no bytes).
     */
    public static byte[] textValue(String tag, String markdown) {
        byte[] shape = new ProtoWriter(8).message(2, new ProtoWriter(4).int64(1, 1)).toByteArray();
        byte[] tensor = new ProtoWriter(markdown.length() + 16).enumField(1, DT_STRING).bytes(2, shape)
                .bytes(8, markdown.getBytes(StandardCharsets.UTF_8)).toByteArray();
        return new ProtoWriter(tensor.length + tag.length() + 24).string(1, tag)
                .bytes(9, pluginMetadata("text", new byte[0])).bytes(8, tensor).toByteArray();
    }

    /** A value with plugin metadata only and no data, as the hparams plugin reads it. */
    public static byte[] metadataOnlyValue(String tag, String pluginName, byte[] content) {
        return new ProtoWriter(tag.length() + content.length + 24).string(1, tag)
                .bytes(9, pluginMetadata(pluginName, content)).toByteArray();
    }

    private static byte[] pluginMetadata(String pluginName, byte[] content) {
        ProtoWriter pluginData = new ProtoWriter(pluginName.length() + content.length + 4).string(1, pluginName);
        if (content.length > 0) {
            pluginData.bytes(2, content);
        }
        return new ProtoWriter(pluginName.length() + content.length + 8).message(1, pluginData).toByteArray();
    }
}
