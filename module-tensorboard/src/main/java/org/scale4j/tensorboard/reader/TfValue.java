package org.scale4j.tensorboard.reader;

/**
 * One {@code Summary.Value} of an event, reduced to what tests and tools need.
 *
 * @param tag the value's tag, e.g. {@code loss/total} or {@code recipe/text_summary}
 * @param kind what the value holds
 * @param pluginName {@code metadata.plugin_data.plugin_name}, or empty
 * @param scalar the number for {@link Kind#SCALAR} values (from {@code simple_value} or from a
 *     rank-0 numeric tensor, the TF2 form); NaN for other kinds
 * @param text the first string of a {@code DT_STRING} tensor (text plugin), or null
 * @param pluginContent {@code metadata.plugin_data.content} (e.g. the hparams plugin data); empty
 *     when absent; not copied, do not change it
 */
public record TfValue(String tag, Kind kind, String pluginName, double scalar, String text, byte[] pluginContent) {

    /** What a value holds. */
    public enum Kind {
        SCALAR,
        HISTOGRAM,
        IMAGE,
        AUDIO,
        /** A string tensor, e.g. the text plugin's Markdown. */
        TEXT,
        /** Any other tensor. */
        TENSOR,
        /** Plugin metadata only and no data, as the hparams plugin writes. */
        METADATA_ONLY
    }
}
