/**
 * A standalone TensorBoard event-file writer and reader; depends on protobuf-java only.
 *
 * <p>{@code org.scale4j.tensorboard} writes runs (scalars, histograms, images, text, hparams,
 * embedding projector); {@code org.scale4j.tensorboard.reader} reads and checks event files. The
 * encoders and the benchmark are internal.
 */
module org.scale4j.tensorboard {
    requires com.google.protobuf;

    exports org.scale4j.tensorboard;
    exports org.scale4j.tensorboard.reader;
}
