package org.scale4j.api.recipe;

/** {@code trainer.schedule.type}: the learning-rate shape after the linear warm-up. */
public enum ScheduleType {
    /** Linear decay to 0 at the last step (the released code's {@code warmup_linear}). */
    LINEAR,
    /** Half-cosine decay to 0 at the last step. */
    COSINE,
    /** Constant at {@code lr}. */
    CONSTANT
}
