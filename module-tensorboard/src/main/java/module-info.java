/** A standalone TensorBoard event-file writer and reader; depends on protobuf-java only. */
module org.scale4j.tensorboard {
    requires com.google.protobuf;
}
