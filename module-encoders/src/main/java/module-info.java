/**
 * scale4j encoders: {@code bert-text} (tokens, key-value), {@code region-transformer} (regions)
 * and {@code frame-transformer} (frames), discovered through ServiceLoader. Exports nothing.
 */
module org.scale4j.encoders {
    requires org.scale4j.api;

    opens org.scale4j.encoders.config to org.scale4j.api;

    provides org.scale4j.api.model.EncoderProvider with
            org.scale4j.encoders.BertTextEncoderProvider,
            org.scale4j.encoders.RegionTransformerProvider,
            org.scale4j.encoders.FrameTransformerProvider;
}
