/**
 * scale4j fusions ({@code joint-co-transformer}, {@code mean-pool}, {@code concat-project},
 * {@code late-sum}) and harmonizers ({@code self-harmonized}, {@code batch-harmonized},
 * {@code uniform}), discovered through ServiceLoader. Exports nothing.
 */
module org.scale4j.fusion {
    requires org.scale4j.api;

    opens org.scale4j.fusion.config to org.scale4j.api;

    provides org.scale4j.api.model.FusionProvider with
            org.scale4j.fusion.JointCoTransformerProvider,
            org.scale4j.fusion.MeanPoolFusionProvider,
            org.scale4j.fusion.ConcatProjectFusionProvider,
            org.scale4j.fusion.LateSumFusionProvider;
    provides org.scale4j.api.model.HarmonizerProvider with
            org.scale4j.fusion.SelfHarmonizedProvider,
            org.scale4j.fusion.BatchHarmonizedProvider,
            org.scale4j.fusion.UniformHarmonizerProvider;
}
