package org.scale4j.data.arrow.config;

import org.scale4j.api.config.Doc;

/**
 * The {@code frames} kind: a sequence of feature rows {@code list<fixed_size_list<float>[dim]>}
 * (video frames, spectrogram rows).
 *
 * @param dim the feature size (default 1024, the paper's S3D video features; audio uses 751)
 * @param maxLen the most rows per sample (default 12 video frames; audio uses 80); longer rows are bad rows
 */
@Doc("A sequence of feature rows per product (video frames, spectrogram rows).")
public record FramesConfig(
        @Doc("Feature size D of each row; the column must be list<fixed_size_list<float32 or float16>[D]> (paper: video 1024, audio 751).") int dim,
        @Doc("Most rows per product (paper: video 12, audio 80); a longer list is a bad row. The modality has max_len + 1 tokens.") int maxLen) {

    public FramesConfig {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if (maxLen < 1) {
            throw new IllegalArgumentException("max_len must be >= 1, got " + maxLen);
        }
    }

    public static FramesConfig defaults() {
        return new FramesConfig(1024, 12);
    }
}
