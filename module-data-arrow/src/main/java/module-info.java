/** Arrow IPC datasets in the M5Product layout, collation and masking, the synthetic generator. */
module org.scale4j.data.arrow {
    requires org.scale4j.api;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;
    requires org.apache.arrow.memory.unsafe;
    requires ai.djl.tokenizers;
}
