package org.scale4j.data.arrow.synth;

import org.scale4j.data.arrow.dataset.Seeds;

/**
 * The generator's random numbers: SplitMix64 with {@link StrictMath} transforms only, so a seed
 * gives the same bytes on every JVM and platform.
 */
final class Rng {

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return Seeds.mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** A standard normal draw (Box-Muller). */
    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** A cheap, bell-shaped draw with mean 0 and variance 1 (sum of four uniforms), for bulk noise. */
    float noise() {
        long a = nextLong();
        long b = nextLong();
        // four 26-bit uniforms from two 64-bit draws
        double s = ((a >>> 38) + ((a >>> 12) & 0x3ffffff) + (b >>> 38) + ((b >>> 12) & 0x3ffffff)) * 0x1.0p-26;
        return (float) ((s - 2.0) * 1.7320508075688772);
    }

    /** A geometric count >= 0 with the given mean. */
    int geometric(double mean) {
        double p = 1.0 / (1.0 + mean);
        int n = 0;
        while (!chance(p) && n < 64) {
            n++;
        }
        return n;
    }
}
