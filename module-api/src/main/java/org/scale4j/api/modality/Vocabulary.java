package org.scale4j.api.modality;

/**
 * Size and special-token ids of a token modality's vocabulary.
 *
 * @param size the number of token ids, {@code 0 .. size-1}
 */
public record Vocabulary(int size, int padId, int clsId, int sepId, int maskId, int unkId) {

    public Vocabulary {
        if (size < 1) {
            throw new IllegalArgumentException("vocabulary size must be >= 1, got " + size);
        }
        for (int id : new int[] {padId, clsId, sepId, maskId, unkId}) {
            if (id < 0 || id >= size) {
                throw new IllegalArgumentException("special token id " + id + " outside vocabulary of size " + size);
            }
        }
    }
}
