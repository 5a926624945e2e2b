package org.scale4j.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Builds an example project of {@code examples/} (a separate Maven project outside the reactor)
 * the way its own {@code mvn package} would, but offline and without installed SNAPSHOTs: its
 * {@code src/main/java} is compiled with {@code javax.tools} against the {@code org.scale4j.api}
 * and DJL api modules the tests run with, and packaged into {@code <out>/<name>.jar}, alone in
 * its directory so that {@code --plugins} can name it.
 */
final class ExamplePluginBuild {

    private ExamplePluginBuild() {
    }

    /** The repository root (surefire passes {@code scale4j.root}). */
    static Path root() {
        return Path.of(System.getProperty("scale4j.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Compiles and packages {@code examples/<name>}.
     *
     * @return the jar, {@code <out>/jars/<name>.jar}
     */
    static Path build(String name, Path out) throws IOException {
        Path sources = root().resolve("examples").resolve(name).resolve("src/main/java");
        Path classes = out.resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none",
                "-Xlint:all,-requires-transitive-automatic,-requires-automatic", "-Werror",
                "--module-path", moduleLocation("org.scale4j.api") + java.io.File.pathSeparator
                        + moduleLocation("ai.djl.api")));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(arguments::add);
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("compiling " + sources + " failed:\n" + errors);
        }
        Path jar = out.resolve("jars").resolve(name + ".jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static Path moduleLocation(String module) {
        ResolvedModule resolved = ModuleLayer.boot().configuration().findModule(module)
                .orElseThrow(() -> new IllegalStateException(module + " is not in the boot layer of the test JVM"));
        return Path.of(resolved.reference().location().orElseThrow());
    }
}
