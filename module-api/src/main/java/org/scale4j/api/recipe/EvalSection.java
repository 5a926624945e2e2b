package org.scale4j.api.recipe;

import java.util.List;
import java.util.regex.Pattern;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code eval}: downstream evaluation after training (spec section 3).
 *
 * @param tasks the tasks to run; empty disables evaluation
 * @param combinations modality subsets whose fused summaries are summed into one feature, written
 *     as names joined by {@code +} ({@code text+image}); empty means every modality alone plus
 *     all modalities together
 * @param split the dataset split evaluated
 * @param topK the cut-offs {@code k} of mAP@k and Prec@k
 * @param maxSamples evaluate at most this many samples of the split; 0 means all
 * @param gallerySplit the retrieval gallery split (queries come from {@code split}); empty: leave-one-out
 * @param finetuneSteps steps of the fine-tuning classification (spec 3.4); 0: off
 * @param finetuneLr its peak learning rate
 */
@Doc("Downstream evaluation after training.")
public record EvalSection(
        @Doc("Tasks to run: retrieval, classification, clustering; [] disables evaluation.")
        @Default("[retrieval, classification, clustering]") List<EvalTask> tasks,
        @Doc("Modality subsets whose fused summaries are summed into one feature, e.g. text+image; "
                + "[] means each modality alone plus all together.")
        @Default("[]") List<String> combinations,
        @Doc("Dataset split to evaluate.") @Default("test") String split,
        @Doc("Cut-offs k of mAP@k and Prec@k.") @Default("[1, 5, 10]") @Min(1) List<Integer> topK,
        @Doc("Evaluate at most this many samples of the split; 0 means all.") @Default("0") @Min(0) int maxSamples,
        @Doc("Split whose products are the retrieval gallery while the evaluation split holds the queries "
                + "(the official coarse and fine-grained splits); empty means leave-one-out within the "
                + "evaluation split, as the released scripts do.")
        @Default("") String gallerySplit,
        @Doc("Steps of the paper's fine-tuning classification (the whole model plus a head on the "
                + "concatenated fused summaries, spec 3.4) run after the linear probe; 0 turns it off.")
        @Default("0") @Min(0) int finetuneSteps,
        @Doc("Peak learning rate of the fine-tuning classification (BertAdam, 10% warm-up, linear decay).")
        @Default("1e-4") @Min(value = 0, exclusive = true) double finetuneLr) {

    private static final Pattern COMBINATION = Pattern.compile("[a-z][a-z0-9_-]*(\\+[a-z][a-z0-9_-]*)*");

    public EvalSection {
        tasks = List.copyOf(tasks);
        combinations = List.copyOf(combinations);
        topK = List.copyOf(topK);
        gallerySplit = gallerySplit == null ? "" : gallerySplit;
        for (int i = 0; i < combinations.size(); i++) {
            if (!COMBINATION.matcher(combinations.get(i)).matches()) {
                throw new ConfigValueException("combinations[" + i + "]",
                        "expected modality names joined by '+', e.g. text+image, got '" + combinations.get(i) + "'");
            }
        }
    }

    /** The modality names of one combination, e.g. {@code [image, text]} for {@code text+image}. */
    public static List<String> modalitiesOf(String combination) {
        return List.of(combination.split("\\+")).stream().sorted().toList();
    }
}
