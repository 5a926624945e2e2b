/** Model assembly from plugins, the SCALE training loop, checkpoints and evaluation. */
module org.scale4j.training {
    requires transitive org.scale4j.api;
    requires org.scale4j.tensorboard;

    exports org.scale4j.training.model;

    uses org.scale4j.api.model.EncoderProvider;
    uses org.scale4j.api.model.FusionProvider;
    uses org.scale4j.api.model.HarmonizerProvider;
    uses org.scale4j.api.objective.ObjectiveProvider;
}
