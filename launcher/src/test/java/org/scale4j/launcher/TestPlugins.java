package org.scale4j.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the small plugin jars of {@code src/test/plugins} at test time, outside the reactor:
 * each is compiled with {@code javax.tools} against the {@code org.scale4j.api} module the tests
 * run with, packaged into a jar, and placed alone in a directory that {@code --plugins} can name.
 * Jars are built once per JVM.
 */
public final class TestPlugins {

    /** The plugin with one provider of every kind (names prefixed {@code test-}). */
    public static final String TEST = "testplugin";
    /** An encoder named like the test plugin's encoder. */
    public static final String DUPLICATE = "dupplugin";
    /** Requires a module that is not there at run time. */
    public static final String BROKEN = "brokenplugin";
    /** Does not open its config package to org.scale4j.api. */
    public static final String CLOSED = "closedplugin";

    private static final Path SOURCES = Path.of("src/test/plugins");
    private static final Path OUT = Path.of("target/test-plugins");
    private static final Map<String, Path> BUILT = new HashMap<>();

    private TestPlugins() {
    }

    /** A directory holding only the jar of plugin {@code name}. */
    public static synchronized Path dir(String name) {
        return BUILT.computeIfAbsent(name, TestPlugins::build).getParent();
    }

    /** The jar of plugin {@code name}. */
    public static synchronized Path jar(String name) {
        return BUILT.computeIfAbsent(name, TestPlugins::build);
    }

    private static Path build(String name) {
        try {
            List<Path> modulePath = new ArrayList<>(List.of(moduleLocation("org.scale4j.api"), moduleLocation("ai.djl.api")));
            if (name.equals(BROKEN)) {
                modulePath.add(compile("missingdep", modulePath));
            }
            Path classes = compile(name, modulePath);
            Path jar = OUT.resolve("jars").resolve(name).resolve(name + ".jar");
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(String name, List<Path> modulePath) throws IOException {
        Path classes = OUT.resolve("classes").resolve(name);
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none",
                "-Xlint:-module",
                "--module-path", String.join(java.io.File.pathSeparator, modulePath.stream().map(Path::toString).toList())));
        try (Stream<Path> sources = Files.walk(SOURCES.resolve(name))) {
            sources.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(arguments::add);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        boolean ok = compiler.run(null, errors, errors, arguments.toArray(String[]::new)) == 0;
        if (!ok) {
            throw new IllegalStateException("compiling test plugin " + name + " failed:\n" + errors);
        }
        return classes;
    }

    /** Where a boot-layer module was loaded from (a jar, or a classes directory in the reactor). */
    private static Path moduleLocation(String module) {
        ResolvedModule resolved = ModuleLayer.boot().configuration().findModule(module)
                .orElseThrow(() -> new IllegalStateException(module + " is not in the boot layer of the test JVM"));
        URI location = resolved.reference().location().orElseThrow();
        return Path.of(location);
    }
}
