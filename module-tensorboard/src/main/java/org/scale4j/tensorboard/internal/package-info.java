/**
 * Not exported: the wire encoders (protobuf fields via {@code CodedOutputStream}, TFRecord
 * framing, masked CRC-32C, PNG, histograms, hparams plugin data) and the event file sink.
 */
package org.scale4j.tensorboard.internal;
