package org.scale4j.training.loop;

import java.nio.file.Path;

/**
 * The run produced more non-finite steps than {@code trainer.max_bad_steps} allows. The message
 * says which checkpoint is the last good one and how to go on from it.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(long step, int badSteps, Path lastGood) {
        super("training stopped at step " + step + " after " + badSteps + " steps with a non-finite loss or gradient "
                + "(trainer.max_bad_steps). " + (lastGood == null
                        ? "No checkpoint was written before it."
                        : "The last good checkpoint is " + lastGood + "; lower trainer.optimizer.lr or set "
                                + "trainer.clip_grad_norm and resume with --resume " + lastGood + "."));
    }
}
