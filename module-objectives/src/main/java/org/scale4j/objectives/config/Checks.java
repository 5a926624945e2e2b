package org.scale4j.objectives.config;

import java.util.Objects;
import java.util.Set;

/** Range checks shared by the objective config records. */
final class Checks {

    /** How the modality weight of spec 2.6(b) enters a masked loss. */
    static final Set<String> WEIGHTINGS = Set.of("output", "loss", "none");

    private Checks() {
    }

    static void masked(String objective, String modality, double maskRatio, String weighting) {
        Objects.requireNonNull(modality, objective + ".modality");
        Objects.requireNonNull(weighting, objective + ".weighting");
        if (modality.isBlank()) {
            throw new IllegalArgumentException(objective + ".modality must name a modality");
        }
        if (!(maskRatio > 0 && maskRatio < 1)) {
            throw new IllegalArgumentException(objective + ".mask_ratio must be in (0, 1), got " + maskRatio);
        }
        if (!WEIGHTINGS.contains(weighting)) {
            throw new IllegalArgumentException(objective + ".weighting must be one of [output, loss, none], got '"
                    + weighting + "'");
        }
    }
}
