package org.scale4j.api.batch;

/**
 * The names of the tensors in a {@link ModalityBatch}. Every per-position tensor is aligned with
 * the modality's token axis {@code T}, summary token (position 0) included.
 */
public final class TensorKeys {

    /** Input, token kinds: token ids {@code [B,T]} int64, [CLS] first, [PAD] after [SEP]. */
    public static final String IDS = "ids";
    /** Input, token kinds: token type ids {@code [B,T]} int64 (0 for the title, 0 or 1 in tables). */
    public static final String TYPES = "types";
    /**
     * Input, feature kinds: features {@code [B,T,D]} float32, the global mean token first (the mean
     * of the sample's rows after masking). With masking these are the unmasked rows: the rows in
     * {@link #DROPPED} are zeroed by {@link MaskedInputs#apply} before an encoder sees them.
     */
    public static final String FEATS = "feats";
    /**
     * Input, feature kinds with masking: 1 at the rows of {@link #FEATS} the model input must have
     * zeroed (the masked rows that masking does not keep), 0 elsewhere; {@code [B,T]} float32.
     * {@link MaskedInputs#apply} zeroes them on the batch's device and removes this key.
     */
    public static final String DROPPED = "dropped";
    /** Input, regions: boxes {@code [B,T,5]} float32 (x1,y1,x2,y2,area), {@code [0,0,1,1,1]} first. */
    public static final String BOXES = "boxes";

    /** Target, token kinds: original ids at masked positions, -1 elsewhere; {@code [B,T]} int64. */
    public static final String LABELS = "labels";
    /**
     * Target, feature kinds: the unmasked features {@code [B,T,D]} float32. Objectives read it only
     * at {@link #MASKED} rows; the collators of this project hand the {@link #FEATS} tensor itself.
     */
    public static final String TARGET = "target";
    /** Target, feature kinds: 1 where a real position was selected for masking; {@code [B,T]} float32. */
    public static final String MASKED = "masked";

    private TensorKeys() {
    }
}
