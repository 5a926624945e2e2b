/**
 * Importers from the M5Product authors' file formats into scale4j's canonical Arrow layout.
 *
 * <p>A library: the launcher's {@code scale4j import m5product} command builds an
 * {@link org.scale4j.data.importer.M5ProductImport} and runs it.
 */
module org.scale4j.data.importer {
    requires transitive org.scale4j.api;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;
    requires org.apache.arrow.memory.unsafe; // resolved so that Arrow finds its allocation manager
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires ai.djl.tokenizers;

    exports org.scale4j.data.importer;
    // the journal records are (de)serialised by Jackson
    opens org.scale4j.data.importer.internal to com.fasterxml.jackson.databind;
}
