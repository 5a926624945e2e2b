/**
 * The scale4j contracts: plugin service interfaces, batch and model value types.
 *
 * <p>Plugin modules depend on this module only. It exports its API packages and nothing else.
 */
module org.scale4j.api {
    requires transitive ai.djl.api;

    exports org.scale4j.api.plugin;
    exports org.scale4j.api.modality;
    exports org.scale4j.api.batch;
    exports org.scale4j.api.model;
    exports org.scale4j.api.objective;
    exports org.scale4j.api.data;
    exports org.scale4j.api.state;
    exports org.scale4j.api.training;
    exports org.scale4j.api.config;
    exports org.scale4j.api.recipe;
    exports org.scale4j.api.nn;

    uses org.scale4j.api.model.EncoderProvider;
}
