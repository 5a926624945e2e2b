package org.scale4j.api.plugin;

import org.scale4j.api.data.DatasetProvider;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.training.TrainingListenerProvider;

/** The kinds of plugin scale4j discovers, each with its service interface and recipe section. */
public enum PluginKind {
    ENCODER(EncoderProvider.class, "model.encoders.<modality>"),
    HARMONIZER(HarmonizerProvider.class, "model.harmonizer"),
    FUSION(FusionProvider.class, "model.fusion"),
    OBJECTIVE(ObjectiveProvider.class, "objectives[]"),
    DATASET(DatasetProvider.class, "data.source"),
    MODALITY_KIND(ModalityKindProvider.class, "data.modalities.<modality>.kind"),
    LISTENER(TrainingListenerProvider.class, "listeners[]");

    private final Class<?> service;
    private final String recipeSection;

    PluginKind(Class<?> service, String recipeSection) {
        this.service = service;
        this.recipeSection = recipeSection;
    }

    /** The {@link java.util.ServiceLoader} service interface of this kind. */
    public Class<?> service() {
        return service;
    }

    /** Where in a recipe a provider of this kind is named, for error messages and docs. */
    public String recipeSection() {
        return recipeSection;
    }

    /** The lower-case name shown by {@code scale4j plugins}, e.g. {@code modality-kind}. */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
