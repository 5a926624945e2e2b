/** A small plugin jar that the launcher tests compile and load with --plugins: one provider of each kind. */
module org.scale4j.testplugin {
    requires org.scale4j.api;

    opens org.scale4j.testplugin.config to org.scale4j.api;

    provides org.scale4j.api.model.EncoderProvider with org.scale4j.testplugin.TestEncoderProvider;
    provides org.scale4j.api.model.HarmonizerProvider with org.scale4j.testplugin.TestHarmonizerProvider;
    provides org.scale4j.api.model.FusionProvider with org.scale4j.testplugin.TestFusionProvider;
    provides org.scale4j.api.objective.ObjectiveProvider with
            org.scale4j.testplugin.TestContrastiveProvider, org.scale4j.testplugin.TestMaskedProvider;
    provides org.scale4j.api.data.DatasetProvider with org.scale4j.testplugin.TestDatasetProvider;
    provides org.scale4j.api.modality.ModalityKindProvider with
            org.scale4j.testplugin.TestTokensKindProvider, org.scale4j.testplugin.TestFeaturesKindProvider;
    provides org.scale4j.api.training.TrainingListenerProvider with org.scale4j.testplugin.TestListenerProvider;
}
