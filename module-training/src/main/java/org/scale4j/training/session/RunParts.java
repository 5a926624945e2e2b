package org.scale4j.training.session;

import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.recipe.ObjectiveSection;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.training.engine.OneDnnSwitch;
import org.scale4j.training.model.ModelBuilder;
import org.scale4j.training.model.ModelPlan;
import org.scale4j.training.model.ScaleModel;
import org.scale4j.training.model.WeightedObjective;

/** The dataset and the model a recipe describes; shared by train, eval and embed. */
public final class RunParts {

    private RunParts() {
    }

    /** Opens the recipe's dataset (the synthetic source generates its data on first use). */
    public static Dataset openDataset(Recipe recipe, Path workDir) {
        Map<String, DataContext.CollatorFactory> collators = new LinkedHashMap<>();
        recipe.data().modalities().forEach((name, section) -> collators.put(name, DataContext.CollatorFactory.of(
                section.kind().provider(), name, section.column(), section.kind().config())));
        return recipe.data().source().provider().openFrom(
                new DataContext(collators, workDir, recipe.run().seed()), recipe.data().source().config());
    }

    /**
     * Builds the recipe's model for the dataset's modalities and initialises it from the run seed,
     * after applying the recipe's process-wide engine settings ({@code trainer.onednn}).
     *
     * @param console where a setting that cannot be applied on this machine is reported (the run goes on)
     * @throws RunSetupException when a plugin rejects its part of the recipe
     */
    public static ScaleModel buildModel(Recipe recipe, Dataset dataset, NDManager manager, PrintStream console) {
        OneDnnSwitch.set(recipe.trainer().onednn()).ifPresent(problem -> console.println(
                "note: trainer.onednn: " + recipe.trainer().onednn() + " not applied, PyTorch's default stays: " + problem));
        List<WeightedObjective> objectives = new ArrayList<>();
        for (ObjectiveSection section : recipe.objectives()) {
            objectives.add(new WeightedObjective(section.objective(), section.weight()));
        }
        ScaleModel model;
        try {
            model = ModelBuilder.build(new ModelPlan(dataset.modalities(), recipe.model().dims(),
                    recipe.model().contrastiveDim(), recipe.model().encoders(), recipe.model().share(),
                    recipe.model().harmonizer(), recipe.model().fusion(), objectives));
        } catch (IllegalArgumentException e) {
            // Providers reject configurations that only the combination of recipe sections reveals
            // (hidden size vs heads, an objective on a modality the data lacks) with a message that
            // names the recipe key: a user mistake, reported without a stack trace.
            throw new RunSetupException("the recipe's model cannot be built: " + e.getMessage(), e);
        }
        model.initialize(manager, recipe.run().seed());
        return model;
    }
}
