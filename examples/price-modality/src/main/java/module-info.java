/**
 * A scale4j plugin that adds a modality without touching scale4j: a numeric price/sales vector
 * per product (Arrow column {@code fixed_size_list<float32>[4]}: price, monthly sales, rating,
 * review count).
 *
 * <ul>
 *   <li>modality kind {@code numeric-vector}: checks the column, scales the values and collates
 *       one token per number behind a summary token, with masking for {@code mnm};</li>
 *   <li>encoder {@code numeric-transformer}: a per-position numeric embedding and transformer
 *       layers;</li>
 *   <li>objective {@code mnm}: masked number modelling, predicting hidden numbers from the fused
 *       states of every modality.</li>
 * </ul>
 *
 * <p>Like scale4j's own plugin modules it exports nothing, only {@code provides} its providers,
 * and opens its config package to {@code org.scale4j.api} so the recipe binder can build the
 * config records.
 */
module org.scale4j.examples.price {
    requires org.scale4j.api;

    opens org.scale4j.examples.price.config to org.scale4j.api;

    provides org.scale4j.api.modality.ModalityKindProvider with org.scale4j.examples.price.NumericVectorKind;
    provides org.scale4j.api.model.EncoderProvider with org.scale4j.examples.price.NumericTransformerProvider;
    provides org.scale4j.api.objective.ObjectiveProvider with org.scale4j.examples.price.MaskedNumberProvider;
}
