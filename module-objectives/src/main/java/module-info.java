/**
 * scale4j objectives ({@code simcl}, {@code pairwise-infonce}, {@code mlm}, {@code mem},
 * {@code mrm}, {@code mfm}, {@code mam}), discovered through ServiceLoader. Exports nothing.
 */
module org.scale4j.objectives {
    requires org.scale4j.api;

    opens org.scale4j.objectives.config to org.scale4j.api;

    provides org.scale4j.api.objective.ObjectiveProvider with
            org.scale4j.objectives.SimclProvider,
            org.scale4j.objectives.PairwiseInfoNceProvider,
            org.scale4j.objectives.MlmProvider,
            org.scale4j.objectives.MemProvider,
            org.scale4j.objectives.MrmProvider,
            org.scale4j.objectives.MfmProvider,
            org.scale4j.objectives.MamProvider;
}
