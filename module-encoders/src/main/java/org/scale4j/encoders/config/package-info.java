/**
 * Recipe configuration records of the encoders ({@code model.encoders.<modality>}). Opened to the
 * api's reflective recipe binder only.
 */
package org.scale4j.encoders.config;
