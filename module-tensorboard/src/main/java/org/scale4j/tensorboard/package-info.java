/**
 * Writes TensorBoard runs from Java: {@link org.scale4j.tensorboard.EventWriter} (scalars,
 * histograms, images, Markdown text, hparams sessions, embedding-projector files), with its value
 * types {@link org.scale4j.tensorboard.Image}, {@link org.scale4j.tensorboard.Embedding} and
 * {@link org.scale4j.tensorboard.SessionStatus}.
 *
 * <p>Files follow TensorBoard's own formats (TFRecord framing with masked CRC-32C, the
 * {@code Event}/{@code Summary} protos and the plugins' layouts), so TensorBoard, TensorFlow and
 * PyTorch tools read them. Writing happens on a background thread behind a bounded queue.
 */
package org.scale4j.tensorboard;
