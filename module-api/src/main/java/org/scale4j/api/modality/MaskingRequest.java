package org.scale4j.api.modality;

import java.util.Objects;

/**
 * What an objective asks the collator to mask in one modality (spec section 1.6).
 *
 * @param modality the modality name
 * @param scheme {@link #TOKEN} (BERT 80/10/10), {@link #ENTITY} (whole key or value span),
 *     {@link #ZERO} (zero real feature positions), or a scheme a plugin kind understands
 * @param ratio the selection probability per real position (or per entity), in (0, 1)
 * @param keepRatio for {@link #ZERO}: the share of selected positions left unchanged (MRM uses
 *     0.1); for {@link #TOKEN}: ignored (80/10/10 is fixed)
 */
public record MaskingRequest(String modality, String scheme, double ratio, double keepRatio) {

    /** BERT-style token masking: 80% [MASK], 10% random token, 10% unchanged. */
    public static final String TOKEN = "token";
    /** Whole-entity masking of a key-value table: a key span or a value span becomes [MASK]. */
    public static final String ENTITY = "entity";
    /** Feature masking: selected real positions are zeroed (all but {@code keepRatio} of them). */
    public static final String ZERO = "zero";

    public MaskingRequest {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(scheme, "scheme");
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("mask ratio must be in (0, 1), got " + ratio);
        }
        if (!(keepRatio >= 0 && keepRatio < 1)) {
            throw new IllegalArgumentException("keep ratio must be in [0, 1), got " + keepRatio);
        }
    }
}
