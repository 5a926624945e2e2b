package org.scale4j.launcher.inject;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.util.Objects;
import org.scale4j.api.data.DatasetProvider;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;
import org.scale4j.api.recipe.CheckpointSection;
import org.scale4j.api.recipe.DataSection;
import org.scale4j.api.recipe.EvalSection;
import org.scale4j.api.recipe.ModelSection;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.api.recipe.RunSection;
import org.scale4j.api.recipe.TensorboardSection;
import org.scale4j.api.recipe.TrainerSection;
import org.scale4j.api.training.TrainingListenerProvider;
import org.scale4j.launcher.plugin.PluginRegistry;
import org.scale4j.launcher.recipe.ResolvedRecipe;

/**
 * The composition root's bindings: the resolved recipe and each of its sections as instances,
 * and one {@link MapBinder} per plugin kind from provider name to the discovered provider (for
 * example {@code Map<String, EncoderProvider<?>>}). The chosen providers with their bound configs
 * are inside the sections ({@link org.scale4j.api.plugin.Configured} values).
 *
 * <p>Only the launcher sees Guice: commands ask the injector for what they need and hand plain
 * objects to the training code.
 */
public final class RecipeModule extends AbstractModule {

    private final ResolvedRecipe resolved;
    private final PluginRegistry registry;

    public RecipeModule(ResolvedRecipe resolved, PluginRegistry registry) {
        this.resolved = Objects.requireNonNull(resolved, "resolved");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected void configure() {
        Recipe recipe = resolved.recipe();
        bind(ResolvedRecipe.class).toInstance(resolved);
        bind(Recipe.class).toInstance(recipe);
        bind(RunSection.class).toInstance(recipe.run());
        bind(DataSection.class).toInstance(recipe.data());
        bind(ModelSection.class).toInstance(recipe.model());
        bind(ModelDims.class).toInstance(recipe.model().dims());
        bind(TrainerSection.class).toInstance(recipe.trainer());
        bind(CheckpointSection.class).toInstance(recipe.checkpoint());
        bind(TensorboardSection.class).toInstance(recipe.tensorboard());
        bind(EvalSection.class).toInstance(recipe.eval());
        bind(PluginRegistry.class).toInstance(registry);
        bindProviders(PluginKind.ENCODER, new TypeLiteral<EncoderProvider<?>>() { });
        bindProviders(PluginKind.HARMONIZER, new TypeLiteral<HarmonizerProvider<?>>() { });
        bindProviders(PluginKind.FUSION, new TypeLiteral<FusionProvider<?>>() { });
        bindProviders(PluginKind.OBJECTIVE, new TypeLiteral<ObjectiveProvider<?>>() { });
        bindProviders(PluginKind.DATASET, new TypeLiteral<DatasetProvider<?>>() { });
        bindProviders(PluginKind.MODALITY_KIND, new TypeLiteral<ModalityKindProvider<?>>() { });
        bindProviders(PluginKind.LISTENER, new TypeLiteral<TrainingListenerProvider<?>>() { });
    }

    private <P extends Provider<?>> void bindProviders(PluginKind kind, TypeLiteral<P> type) {
        MapBinder<String, P> providers = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), type);
        for (Provider<?> provider : registry.providers(kind)) {
            @SuppressWarnings("unchecked")
            P typed = (P) kind.service().cast(provider);
            providers.addBinding(provider.name()).toInstance(typed);
        }
    }
}
