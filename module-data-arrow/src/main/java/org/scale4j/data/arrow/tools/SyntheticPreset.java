package org.scale4j.data.arrow.tools;

import java.util.List;
import org.scale4j.api.data.DataException;

/**
 * The shape of a synthetic M5Product-like dataset.
 *
 * @param name the preset name
 * @param rows products (listings)
 * @param coarse top-level categories; each has {@code leaves} leaf categories (the labels)
 * @param leaves leaf categories per coarse category
 * @param zipf the exponent of the Zipf-like popularity of leaf categories (long tail)
 * @param listingsPerGroup mean listings per product group (fine-grained retrieval positives)
 * @param imageDim region feature size; {@code imageRegions} the most regions (boxes have 5 values)
 * @param imageRegions the most regions per image
 * @param videoDim frame feature size; {@code videoFrames} the most frames; {@code videoHalf} stores float16
 * @param videoFrames the most frames per video
 * @param videoHalf whether video features are float16 (as the paper's S3D .npy files)
 * @param audioDim spectrogram row size; {@code audioRows} rows per clip (always all present)
 * @param audioRows rows per audio clip
 * @param titleWords the most words of a title
 * @param tablePairs the most key/value entries of a table
 * @param missingRate share of products missing at least one modality
 * @param unimodalRate share of products with a single modality
 * @param noisyTitleRate share of titles that are noisy or describe another product
 * @param rowsPerShard rows per shard file
 * @param rowsPerBatch rows per Arrow record batch
 */
public record SyntheticPreset(
        String name, int rows, int coarse, int leaves, double zipf, double listingsPerGroup,
        int imageDim, int imageRegions, int videoDim, int videoFrames, boolean videoHalf, int audioDim, int audioRows,
        int titleWords, int tablePairs, double missingRate, double unimodalRate, double noisyTitleRate,
        int rowsPerShard, int rowsPerBatch) {

    public SyntheticPreset {
        if (rows < 10 || coarse < 1 || leaves < 1 || rowsPerShard < 1 || rowsPerBatch < 1) {
            throw new IllegalArgumentException("synthetic preset " + name + ": sizes must be positive (rows >= 10)");
        }
        if (!(unimodalRate >= 0 && unimodalRate <= missingRate && missingRate <= 1)) {
            throw new IllegalArgumentException("synthetic preset " + name
                    + ": need 0 <= unimodal_rate <= missing_rate <= 1");
        }
    }

    /** The quickstart preset: small dims, 2,400 products, trains on 2 cores in minutes. */
    public static SyntheticPreset tiny() {
        return new SyntheticPreset("tiny", 2400, 6, 5, 1.1, 3.0, 64, 10, 48, 6, false, 32, 8, 14, 8,
                0.20, 0.05, 0.10, 1200, 300);
    }

    /** A mid-size preset: 20,000 products, 120 categories, moderate dims. */
    public static SyntheticPreset small() {
        return new SyntheticPreset("small", 20000, 12, 10, 1.1, 3.0, 256, 20, 256, 12, true, 128, 20, 24, 14,
                0.20, 0.05, 0.10, 5000, 500);
    }

    /** The paper's shapes: 36 regions x 2048 + boxes, 12 frames x 1024 (float16), 80 x 751 audio. */
    public static SyntheticPreset paper() {
        return new SyntheticPreset("paper", 2000, 20, 12, 1.1, 3.0, 2048, 36, 1024, 12, true, 751, 80, 34, 24,
                0.20, 0.05, 0.10, 500, 50);
    }

    /** The preset names. */
    public static List<String> names() {
        return List.of("tiny", "small", "paper");
    }

    /**
     * A preset by name.
     *
     * @param recipeKey where the name came from, for the message
     */
    public static SyntheticPreset byName(String name, String recipeKey) {
        return switch (name) {
            case "tiny" -> tiny();
            case "small" -> small();
            case "paper" -> paper();
            default -> throw new DataException(recipeKey + ": unknown synthetic preset '" + name + "'; choose one of "
                    + names());
        };
    }

    /** This preset with another number of products. */
    public SyntheticPreset withRows(int newRows) {
        return new SyntheticPreset(name, newRows, coarse, leaves, zipf, listingsPerGroup, imageDim, imageRegions,
                videoDim, videoFrames, videoHalf, audioDim, audioRows, titleWords, tablePairs, missingRate,
                unimodalRate, noisyTitleRate, rowsPerShard, rowsPerBatch);
    }

    /** This preset with other missing-modality rates. */
    public SyntheticPreset withMissing(double newMissingRate, double newUnimodalRate) {
        return new SyntheticPreset(name, rows, coarse, leaves, zipf, listingsPerGroup, imageDim, imageRegions,
                videoDim, videoFrames, videoHalf, audioDim, audioRows, titleWords, tablePairs, newMissingRate,
                newUnimodalRate, noisyTitleRate, rowsPerShard, rowsPerBatch);
    }
}
