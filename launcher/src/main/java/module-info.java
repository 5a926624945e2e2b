/**
 * The composition root: the {@code scale4j} CLI, recipe loading (YAML, includes, overrides),
 * plugin discovery (boot module graph plus plugin jars in their own module layers) and the Guice
 * wiring. Nothing below this module sees Guice.
 */
module org.scale4j.launcher {
    requires org.scale4j.api;
    requires org.scale4j.training;
    requires org.scale4j.tensorboard;
    requires org.scale4j.data.arrow;
    requires org.scale4j.data.importer;
    requires com.google.guice;
    requires jakarta.inject;
    requires com.fasterxml.jackson.databind;
    requires org.yaml.snakeyaml;
    requires info.picocli;
    requires org.slf4j;


    opens org.scale4j.launcher.command to info.picocli;
    opens org.scale4j.launcher.inject to com.google.guice;

    uses org.scale4j.api.model.EncoderProvider;
    uses org.scale4j.api.model.HarmonizerProvider;
    uses org.scale4j.api.model.FusionProvider;
    uses org.scale4j.api.objective.ObjectiveProvider;
    uses org.scale4j.api.data.DatasetProvider;
    uses org.scale4j.api.modality.ModalityKindProvider;
    uses org.scale4j.api.training.TrainingListenerProvider;
}
