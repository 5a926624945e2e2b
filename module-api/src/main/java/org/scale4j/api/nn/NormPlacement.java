package org.scale4j.api.nn;

import java.util.Arrays;
import java.util.Locale;

/** Where a transformer layer normalises, by recipe name. */
public enum NormPlacement {
    /** BERT: {@code x = LN(x + Attn(x)); x = LN(x + FFN(x))} (spec 2.4). */
    POST("post"),
    /** CLIP: {@code x = x + Attn(LN(x)); x = x + FFN(LN(x))}, no final LN (spec 2.5). */
    PRE("pre");

    private final String recipeName;

    NormPlacement(String recipeName) {
        this.recipeName = recipeName;
    }

    /** The name used in recipes. */
    public String recipeName() {
        return recipeName;
    }

    /** The placement named {@code name}; fails naming the allowed values. */
    public static NormPlacement fromRecipe(String name) {
        for (NormPlacement placement : values()) {
            if (placement.recipeName.equals(name.toLowerCase(Locale.ROOT))) {
                return placement;
            }
        }
        throw new IllegalArgumentException("unknown norm placement '" + name + "'; allowed: "
                + Arrays.stream(values()).map(NormPlacement::recipeName).toList());
    }
}
