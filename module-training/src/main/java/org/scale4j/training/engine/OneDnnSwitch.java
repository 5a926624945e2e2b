package org.scale4j.training.engine;

import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns PyTorch's oneDNN (formerly MKLDNN) CPU kernels on or off for the whole process: the
 * switch Python exposes as {@code torch.backends.mkldnn.enabled}, which DJL does not expose.
 *
 * <p>Why scale4j turns them off by default ({@code trainer.onednn: false}): on CPU, with float32
 * and no convolutions, the only oneDNN kernel a SCALE model reaches is GELU. oneDNN runs every
 * GELU, however small, across all intra-op threads, and that hand-off costs about 140 µs per
 * forward+backward of a small tensor with 2 threads, against about 50 µs for PyTorch's own
 * vectorised kernel, which threads only tensors above 16,384 elements. On large tensors both are
 * memory-bound and equally fast (measured with {@code bench/model/run.sh}, see docs/model.md).
 * The two kernels agree to float32 rounding; neither is the reference.
 *
 * <p>How: the C++ functions {@code at::globalContext()} and
 * {@code at::Context::setUserEnabledMkldnn(bool)} of the {@code libtorch_cpu} that DJL has already
 * loaded, called through JNA by their Itanium-ABI names. The library is looked up among the
 * process's mapped files ({@code /proc/self/maps}) and opened with Linux's {@code RTLD_NOLOAD}, so
 * nothing new is loaded: Linux only. Where that is impossible (another OS, another engine, JNA
 * unusable) {@link #set} says why and changes nothing: the setting is a speed preference, never a
 * reason to fail a run.
 */
public final class OneDnnSwitch {

    private static final String LIBRARY = "libtorch_cpu.so";
    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private static final String IS_ENABLED = "_ZNK2at7Context17userEnabledMkldnnEv";
    /** dlopen flags RTLD_LAZY | RTLD_NOLOAD: a handle to the already-loaded library, never a new load. */
    private static final int LAZY_NO_LOAD = 0x1 | 0x4;

    private OneDnnSwitch() {
    }

    /**
     * Turns oneDNN on or off for every PyTorch op that runs after this call.
     *
     * @return empty when the switch now has the requested state, else why it could not be set
     */
    public static synchronized Optional<String> set(boolean enabled) {
        try {
            Context context = context();
            context.setEnabled(enabled);
            boolean now = context.enabled();
            return now == enabled ? Optional.empty()
                    : Optional.of("PyTorch kept oneDNN " + (now ? "on" : "off") + " after the call");
        } catch (Unreachable e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether oneDNN is on, or empty when the switch cannot be reached (see {@link #set}). */
    public static synchronized Optional<Boolean> enabled() {
        try {
            return Optional.of(context().enabled());
        } catch (Unreachable e) {
            return Optional.empty();
        }
    }

    private static Context context() throws Unreachable {
        // DJL loads libtorch when the engine starts; before that there is nothing to find
        Engine engine = Engine.getInstance();
        if (!"PyTorch".equals(engine.getEngineName())) {
            throw new Unreachable("the engine is " + engine.getEngineName() + ", not PyTorch");
        }
        Path library = loadedLibrary().orElseThrow(() -> new Unreachable(
                LIBRARY + " is not among this process's mapped files (read from /proc/self/maps, Linux only)"));
        NativeLibrary torch;
        try {
            torch = NativeLibrary.getInstance(library.toString(), Map.of(Library.OPTION_OPEN_FLAGS, LAZY_NO_LOAD));
        } catch (LinkageError e) {
            // also JNA's own native part failing to load (NoClassDefFoundError after the first try)
            throw new Unreachable("cannot open " + library + " through JNA: " + e);
        }
        try {
            Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            return new Context(context, torch.getFunction(SET_ENABLED), torch.getFunction(IS_ENABLED));
        } catch (LinkageError e) {
            throw new Unreachable(library + " does not export the switch: " + e.getMessage());
        }
    }

    /** The path of the loaded libtorch_cpu, read from the process's memory map. */
    private static Optional<Path> loadedLibrary() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            // address perms offset dev inode path: the path is the rest of the line from its first
            // '/', and may contain spaces
            return lines.filter(line -> line.endsWith("/" + LIBRARY) && line.indexOf('/') >= 0)
                    .map(line -> line.substring(line.indexOf('/')))
                    .findFirst()
                    .map(Path::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why the switch cannot be reached in this process. */
    private static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String why) {
            super("cannot reach PyTorch's oneDNN switch: " + why, null, false, false);
        }
    }

    /** {@code at::Context} and its two member functions ({@code this} is the first argument). */
    private record Context(Pointer self, Function setter, Function getter) {

        void setEnabled(boolean enabled) {
            setter.invokeVoid(new Object[] {self, (byte) (enabled ? 1 : 0)});
        }

        boolean enabled() {
            // a C++ bool comes back in the low byte only
            return (getter.invokeInt(new Object[] {self}) & 0xFF) != 0;
        }
    }
}
