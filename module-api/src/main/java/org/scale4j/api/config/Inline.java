package org.scale4j.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link org.scale4j.api.plugin.Configured} component whose plugin is named and
 * configured in the enclosing map itself: the key {@link #typeKey()} names the provider, and every
 * key that no other component of the record claims is a parameter of that provider. So
 * <pre>{@code - {type: mlm, weight: 0.5, modality: text}}</pre>
 * binds {@code weight} to the objective entry record and {@code modality} to the MLM config.
 * At most one component of a record may be inline.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Inline {
    /** The key that names the provider. */
    String typeKey() default "type";
}
