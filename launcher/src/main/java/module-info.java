/** The composition root: CLI, recipe loading, Guice wiring and plugin discovery. */
module org.scale4j.launcher {
    requires org.scale4j.api;
    requires org.scale4j.training;
    requires org.scale4j.tensorboard;
    requires com.google.guice;
    requires jakarta.inject;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires info.picocli;
    requires org.slf4j;
}
