package org.scale4j.data.arrow.dataset;

/**
 * Seed derivation with SplitMix64 (Steele, Lea and Flood 2014), a fixed algorithm, so that
 * shuffles and masks are the same on every JVM.
 */
public final class Seeds {

    private Seeds() {
    }

    /** One SplitMix64 output step: a well-mixed 64-bit value of {@code z}. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from a base seed and a sequence of parts (order matters). */
    public static long derive(long seed, long... parts) {
        long h = mix(seed + 0x9e3779b97f4a7c15L);
        for (long part : parts) {
            h = mix(h ^ (part + 0x9e3779b97f4a7c15L));
        }
        return h;
    }

    /** A stable 64-bit value for a string (FNV-1a), for deriving seeds from names. */
    public static long of(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * A permutation of {@code 0..n-1} by Fisher-Yates over a SplitMix64 sequence.
     *
     * @param n the number of elements
     * @param seed the seed of the permutation
     */
    public static int[] permutation(int n, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        long state = seed;
        for (int i = n - 1; i > 0; i--) {
            state += 0x9e3779b97f4a7c15L;
            int j = (int) Long.remainderUnsigned(mix(state), i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
