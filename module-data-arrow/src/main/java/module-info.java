/**
 * Arrow IPC datasets in the M5Product layout: memory-mapped shards, validation, shuffling,
 * collation and masking, tokenizers, the synthetic generator and the dataset inspector.
 *
 * <p>Exports only {@code org.scale4j.data.arrow.tools} (the entry points of {@code scale4j synth}
 * and {@code scale4j inspect}); everything else is reached through the providers.
 */
module org.scale4j.data.arrow {
    requires org.scale4j.api;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;
    requires org.apache.arrow.memory.unsafe;
    requires org.apache.arrow.format;
    requires flatbuffers.java;
    requires com.fasterxml.jackson.databind;
    requires ai.djl.tokenizers;
    requires jdk.unsupported;

    exports org.scale4j.data.arrow.tools;
    opens org.scale4j.data.arrow.config to org.scale4j.api;

    provides org.scale4j.api.data.DatasetProvider with
            org.scale4j.data.arrow.ArrowDatasetProvider,
            org.scale4j.data.arrow.SyntheticDatasetProvider;
    provides org.scale4j.api.modality.ModalityKindProvider with
            org.scale4j.data.arrow.TokensKind,
            org.scale4j.data.arrow.KeyValueKind,
            org.scale4j.data.arrow.RegionsKind,
            org.scale4j.data.arrow.FramesKind;
}
