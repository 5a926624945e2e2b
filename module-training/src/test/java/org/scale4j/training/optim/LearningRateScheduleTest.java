package org.scale4j.training.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void linearWarmupThenLinearDecayToZero() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 10, 110, LearningRateSchedule.Decay.LINEAR);
        assertEquals(1e-4, s.at(1), 1e-15);
        assertEquals(1e-3, s.at(10), 1e-15);
        assertEquals(0.5e-3, s.at(60), 1e-15); // 50 of 100 decay steps done
        assertEquals(0.0, s.at(110), 1e-15);
        assertEquals(0.0, s.at(200), 1e-15);
    }

    @Test
    void cosineDecayIsHalfWayAtTheMiddle() {
        LearningRateSchedule s = new LearningRateSchedule(2.0, 0, 100, LearningRateSchedule.Decay.COSINE);
        assertEquals(2.0 * 0.5 * (1 + Math.cos(Math.PI * 0.01)), s.at(1), 1e-12);
        assertEquals(1.0, s.at(50), 1e-12);
        assertEquals(0.0, s.at(100), 1e-12);
    }

    @Test
    void constantAfterWarmup() {
        LearningRateSchedule s = new LearningRateSchedule(3.0, 4, 100, LearningRateSchedule.Decay.CONSTANT);
        assertEquals(1.5, s.at(2), 1e-12);
        assertEquals(3.0, s.at(99), 1e-12);
    }

    @Test
    void rejectsWarmupLongerThanTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(1e-3, 20, 10, LearningRateSchedule.Decay.LINEAR));
        assertEquals("need 0 <= warmup <= total steps and total >= 1, got 20 / 10", e.getMessage());
    }
}
