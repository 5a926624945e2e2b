package org.scale4j.api.recipe;

/** Whether a smaller or a larger metric value is better. */
public enum Goal {
    MIN,
    MAX
}
