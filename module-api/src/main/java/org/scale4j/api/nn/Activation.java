package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;

/** The point-wise activations of feed-forward blocks, by recipe name. */
public enum Activation {
    /** Exact (erf) GELU, as in BERT. */
    GELU("gelu"),
    /** CLIP's approximation {@code x * sigmoid(1.702 x)} (spec 2.5). */
    QUICK_GELU("quick-gelu"),
    /** {@code max(x, 0)}. */
    RELU("relu");

    private final String recipeName;

    Activation(String recipeName) {
        this.recipeName = recipeName;
    }

    /** The name used in recipes, e.g. {@code quick-gelu}. */
    public String recipeName() {
        return recipeName;
    }

    /** Applies the activation; the result lives in {@code x}'s manager. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case GELU -> ai.djl.nn.Activation.gelu(x);
            case QUICK_GELU -> x.mul(ai.djl.nn.Activation.sigmoid(Scalars.mul(x, 1.702f)));
            case RELU -> ai.djl.nn.Activation.relu(x);
        };
    }

    /**
     * The activation named {@code name} in a recipe.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Activation fromRecipe(String name) {
        for (Activation activation : values()) {
            if (activation.recipeName.equals(name.toLowerCase(Locale.ROOT))) {
                return activation;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; allowed: "
                + Arrays.stream(values()).map(Activation::recipeName).toList());
    }
}
