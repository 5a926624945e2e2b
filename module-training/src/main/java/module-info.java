/** Model assembly from plugins, the SCALE training loop, checkpoints and evaluation. */
module org.scale4j.training {
    requires transitive org.scale4j.api;
    requires org.scale4j.tensorboard;
    requires com.sun.jna;

    exports org.scale4j.training.checkpoint;
    exports org.scale4j.training.engine;
    exports org.scale4j.training.eval;
    exports org.scale4j.training.eval.classification;
    exports org.scale4j.training.eval.clustering;
    exports org.scale4j.training.eval.report;
    exports org.scale4j.training.eval.retrieval;
    exports org.scale4j.training.io;
    exports org.scale4j.training.loop;
    exports org.scale4j.training.model;
    exports org.scale4j.training.monitor;
    exports org.scale4j.training.optim;
    exports org.scale4j.training.parallel;
    exports org.scale4j.training.run;
    exports org.scale4j.training.session;

    uses org.scale4j.api.model.EncoderProvider;
    uses org.scale4j.api.model.FusionProvider;
    uses org.scale4j.api.model.HarmonizerProvider;
    uses org.scale4j.api.objective.ObjectiveProvider;
}
