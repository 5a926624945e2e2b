package org.scale4j.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scale4j.api.state.Stateful;

/**
 * Adam with decoupled weight decay, with per-parameter decay groups and a state that checkpoints
 * can save and restore exactly.
 *
 * <p>For each parameter {@code w} with gradient {@code g}, at update {@code t} with learning rate
 * {@code lr}:
 *
 * <pre>
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * mHat = m / (1 - beta1^t), vHat = v / (1 - beta2^t)      (only with bias correction)
 * w = w - lr * (mHat / (sqrt(vHat) + eps) + wd * w)       (wd = 0 unless DecayPolicy decays w)
 * </pre>
 *
 * <p>DJL's own optimizers apply one weight decay to every parameter and keep their moments
 * private, which rules out both the no-decay group for biases and LayerNorm and exact resume.
 * Moments live in {@code stateManager}, never in a per-step manager.
 */
public final class AdamW implements Stateful {

    private static final int STATE_VERSION = 1;

    private final AdamWConfig config;
    private final List<Parameter> parameters;
    private final NDManager stateManager;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long updates;

    /**
     * @param config the optimizer settings
     * @param parameters the trainable parameters, in a stable order; identified by {@link Parameter#getId()}
     *     while running and by their position in this list inside a checkpoint
     * @param stateManager the long-lived manager that owns the moments
     */
    public AdamW(AdamWConfig config, List<Parameter> parameters, NDManager stateManager) {
        this.config = config;
        this.parameters = List.copyOf(parameters);
        this.stateManager = stateManager;
    }

    /** The number of updates applied so far. */
    public long updates() {
        return updates;
    }

    /**
     * Applies one update to every parameter from its current gradient, then zeroes the gradients.
     * Call after the {@code GradientCollector} of the step is closed.
     *
     * @param learningRate the learning rate of this update
     * @param scratch a per-step manager that owns the temporaries
     */
    public void step(double learningRate, NDManager scratch) {
        updates++;
        double correction1 = config.biasCorrection() ? 1 - Math.pow(config.beta1(), updates) : 1;
        double correction2 = config.biasCorrection() ? 1 - Math.pow(config.beta2(), updates) : 1;
        float b1 = (float) config.beta1();
        float b2 = (float) config.beta2();
        for (Parameter parameter : parameters) {
            NDArray weight = parameter.getArray();
            NDArray gradient = weight.getGradient();
            gradient.attach(scratch);
            NDArray m = firstMoments.computeIfAbsent(parameter.getId(), k -> zerosLike(weight));
            NDArray v = secondMoments.computeIfAbsent(parameter.getId(), k -> zerosLike(weight));
            m.muli(b1).addi(track(gradient.mul(1 - b1), scratch));
            v.muli(b2).addi(track(gradient.square().muli(1 - b2), scratch));
            NDArray denominator = track(track(v.div(correction2), scratch).sqrt(), scratch).addi(config.epsilon());
            NDArray update = track(m.div(correction1), scratch).divi(denominator);
            if (config.weightDecay() > 0 && DecayPolicy.decays(parameter)) {
                update.addi(track(weight.mul(config.weightDecay()), scratch));
            }
            // Update through a detached view of the same storage: PyTorch refuses in-place ops on
            // a leaf that requires grad whenever the calling thread's grad mode is on, and that
            // mode is per thread (on by default in threads the engine did not start in).
            track(weight.stopGradient(), scratch).subi(update.muli(learningRate));
            gradient.subi(gradient);
        }
    }

    private NDArray zerosLike(NDArray weight) {
        NDArray zeros = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        zeros.setRequiresGradient(false);
        return zeros;
    }

    private static NDArray track(NDArray array, NDManager scratch) {
        array.attach(scratch);
        return array;
    }

    @Override
    public String stateKey() {
        return "optimizer";
    }

    @Override
    public Map<String, byte[]> saveState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_VERSION);
            out.writeLong(updates);
            out.writeInt(parameters.size());
            for (Parameter parameter : parameters) {
                out.writeUTF(parameter.getName());
                writeArray(out, firstMoments.get(parameter.getId()));
                writeArray(out, secondMoments.get(parameter.getId()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("adamw", bytes.toByteArray());
    }

    @Override
    public void loadState(Map<String, byte[]> state) {
        byte[] encoded = state.get("adamw");
        if (encoded == null) {
            throw new IllegalArgumentException("optimizer state has no 'adamw' entry; it has " + state.keySet());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readInt();
            if (version != STATE_VERSION) {
                throw new IllegalArgumentException("optimizer state version " + version + " is not supported (expected "
                        + STATE_VERSION + ")");
            }
            long savedUpdates = in.readLong();
            int count = in.readInt();
            if (count != parameters.size()) {
                throw new IllegalArgumentException("optimizer state has " + count + " parameters, the model has "
                        + parameters.size() + ": the checkpoint comes from another model layout (another recipe, or a"
                        + " scale4j build from before 2026-11-21, whose attention kept separate query, key and value projections);"
                        + " resume it with the recipe and version that wrote it; eval and embed still load its weights");
            }
            closeMoments();
            for (Parameter parameter : parameters) {
                String name = in.readUTF();
                if (!name.equals(parameter.getName())) {
                    throw new IllegalArgumentException("optimizer state lists parameter '" + name + "' where the model has '"
                            + parameter.getName() + "'");
                }
                putIfPresent(firstMoments, parameter.getId(), readArray(in));
                putIfPresent(secondMoments, parameter.getId(), readArray(in));
            }
            updates = savedUpdates;
        } catch (IOException e) {
            throw new IllegalArgumentException("optimizer state is truncated: " + e.getMessage(), e);
        }
    }

    private void closeMoments() {
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
    }

    private static void putIfPresent(Map<String, NDArray> map, String key, NDArray value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        if (array == null) {
            out.writeInt(-1);
            return;
        }
        byte[] encoded = array.encode();
        out.writeInt(encoded.length);
        out.write(encoded);
    }

    private NDArray readArray(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] encoded = in.readNBytes(length);
        if (encoded.length != length) {
            throw new java.io.EOFException("moment of " + length + " bytes cut short");
        }
        NDArray array = NDArray.decode(stateManager, encoded);
        array.setRequiresGradient(false);
        return array;
    }
}
