package org.scale4j.api.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Reads the attention of a version-1 {@link TransformerLayer} (saved as DJL's
 * {@link ScaledDotProductAttentionBlock}: key, query, value and result projections) into the
 * current layout: the query, key and value projections stacked into one {@code H→3H} projection,
 * in that order, and the result projection as the output projection. The values are unchanged, so
 * a converted layer computes exactly what the saved one did.
 */
final class SeparateProjections {

    private SeparateProjections() {
    }

    /**
     * Consumes the saved attention block from {@code is} and loads its values into the two
     * projections, as DJL's own parameter loading would (new arrays in {@code manager}).
     */
    static void load(LayerSpec spec, NDManager manager, DataInputStream is, Linear queryKeyValue, Linear output)
            throws IOException, MalformedModelException {
        ScaledDotProductAttentionBlock saved = ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(spec.hidden())
                .setHeadCount(spec.heads())
                .build();
        try (NDManager scratch = manager.newSubManager()) {
            saved.loadParameters(scratch, is);
            Linear[] inputs = {saved.getQueryProjection(), saved.getKeyProjection(), saved.getValueProjection()};
            for (String name : new String[] {"weight", "bias"}) {
                NDList parts = new NDList(inputs.length);
                for (Linear input : inputs) {
                    parts.add(input.getParameters().get(name).getArray());
                }
                loadInto(queryKeyValue.getParameters().get(name), NDArrays.concat(parts, 0), manager);
                loadInto(output.getParameters().get(name), saved.getResultProjection().getParameters().get(name)
                        .getArray(), manager);
            }
        }
    }

    /** Loads {@code values} into {@code target} through DJL's parameter encoding (a copy in {@code manager}). */
    private static void loadInto(Parameter target, NDArray values, NDManager manager)
            throws IOException, MalformedModelException {
        Parameter carrier = Parameter.builder().setName(target.getName()).setType(target.getType()).build();
        carrier.setArray(values);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        carrier.save(new DataOutputStream(bytes));
        target.load(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
