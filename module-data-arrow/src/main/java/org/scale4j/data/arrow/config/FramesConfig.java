package org.scale4j.data.arrow.config;

/**
 * The {@code frames} kind: a sequence of feature rows {@code list<fixed_size_list<float>[dim]>}
 * (video frames, spectrogram rows).
 *
 * @param dim the feature size (default 1024, the paper's S3D video features; audio uses 751)
 * @param maxLen the most rows per sample (default 12 video frames; audio uses 80); longer rows are bad rows
 */
public record FramesConfig(int dim, int maxLen) {

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
