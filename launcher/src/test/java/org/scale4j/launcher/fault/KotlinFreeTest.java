package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scale4j is Kotlin-free, checked on the bytes: every jar (and classes directory) on this test
 * JVM's class path and module path is opened and searched for Kotlin classes, shaded copies and
 * jars nested in jars included. The enforcer's ban on {@code org.jetbrains.kotlin} artifacts cannot
 * see a Kotlin runtime that a library shades into its own jar (Jazzer does); this can.
 *
 * <p>This module's test class path holds every runtime jar of the project plus the test-only jars
 * of the other modules (jqwik, tensorflow-core-native, JUnit), which the pom adds for this scan.
 */
class KotlinFreeTest {

    /**
     * A class of the Kotlin runtime at any package depth, i.e. plain or shaded:
     * {@code kotlin/Unit.class}, {@code com/x/shaded/kotlin/jvm/internal/Intrinsics.class}.
     */
    static final Pattern KOTLIN = Pattern.compile("(^|.*/)kotlin/.+\\.class$|^META-INF/.*\\.kotlin_module$");

    /**
     * Jars allowed to carry Kotlin-compiled helper classes ({@code META-INF/*.kotlin_module}) but never
     * the runtime: JUnit Jupiter's optional Kotlin assertions ({@code AssertionsKt}), which are dead
     * code without kotlin-stdlib, which nothing here has (the scan proves it). Test scope only.
     */
    static final List<String> KOTLIN_MODULE_ALLOWED = List.of("junit-jupiter-api-", "junit-jupiter-params-");

    /** Whether a finding is only an allowed jar's {@code .kotlin_module} marker. */
    static boolean allowed(String finding) {
        String jar = finding.substring(0, finding.indexOf('!'));
        String name = jar.substring(jar.lastIndexOf(File.separatorChar) + 1);
        return finding.endsWith(".kotlin_module") && finding.indexOf('!') == finding.lastIndexOf('!')
                && KOTLIN_MODULE_ALLOWED.stream().anyMatch(name::startsWith);
    }

    /** Every Kotlin entry of a jar (recursing into nested jars), as {@code outer!inner!entry}. */
    static List<String> kotlinEntries(String name, InputStream jar) throws IOException {
        List<String> found = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(jar);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String entryName = entry.getName();
            if (KOTLIN.matcher(entryName).matches()) {
                found.add(name + "!" + entryName);
            } else if (entryName.endsWith(".jar")) {
                found.addAll(kotlinEntries(name + "!" + entryName, new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        return found;
    }

    /** Every Kotlin file under a classes directory. */
    static List<String> kotlinFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace(File.separatorChar, '/'))
                    .filter(p -> KOTLIN.matcher(p).matches())
                    .map(p -> dir + "!" + p)
                    .toList();
        }
    }

    static List<Path> runtimeLocations() {
        List<Path> locations = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            String value = System.getProperty(property, "");
            for (String part : value.split(Pattern.quote(File.pathSeparator))) {
                if (!part.isBlank()) {
                    locations.add(Path.of(part));
                }
            }
        }
        return locations;
    }

    @Test
    void noJarOnTheRuntimeOrTestPathsHoldsKotlin() throws IOException {
        List<Path> locations = runtimeLocations();
        List<String> found = new ArrayList<>();
        List<String> jarNames = new ArrayList<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                found.addAll(kotlinFiles(location));
            } else if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                jarNames.add(location.getFileName().toString());
                try (InputStream in = Files.newInputStream(location)) {
                    found.addAll(kotlinEntries(location.toString(), in));
                }
            }
        }
        // the scan saw the jars that matter: the engine, Arrow, the test-only jars of other modules
        for (String expected : List.of("pytorch-engine", "pytorch-native-cpu", "arrow-vector", "guice", "jqwik",
                "tensorflow-core-native", "junit-jupiter-engine", "protobuf-java")) {
            assertTrue(jarNames.stream().anyMatch(n -> n.startsWith(expected)), expected + " was not scanned: " + jarNames);
        }
        assertEquals(List.of(), found.stream().filter(f -> !allowed(f)).toList(), "Kotlin on the class or module path");
        assertThrowsClassNotFound("kotlin.Unit");
        assertThrowsClassNotFound("kotlin.jvm.internal.Intrinsics");
    }

    @Test
    void findsPlainShadedAndNestedKotlin(@TempDir Path tmp) throws IOException {
        byte[] nested = jar("kotlin/Unit.class");
        byte[] outer = jar("org/example/App.class", "com/example/shaded/kotlin/jvm/internal/Intrinsics.class",
                "META-INF/main.kotlin_module");
        assertEquals(List.of("a.jar!com/example/shaded/kotlin/jvm/internal/Intrinsics.class", "a.jar!META-INF/main.kotlin_module"),
                kotlinEntries("a.jar", new ByteArrayInputStream(outer)));
        ByteArrayOutputStream withNested = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(withNested)) {
            zip.putNextEntry(new ZipEntry("lib/runtime.jar"));
            zip.write(nested);
            zip.closeEntry();
        }
        assertEquals(List.of("b.jar!lib/runtime.jar!kotlin/Unit.class"),
                kotlinEntries("b.jar", new ByteArrayInputStream(withNested.toByteArray())));
        assertEquals(List.of(), kotlinEntries("c.jar", new ByteArrayInputStream(jar("org/kotlinish/Thing.class",
                "docs/kotlin.txt"))));
        Path classes = tmp.resolve("classes/shaded/kotlin");
        Files.createDirectories(classes);
        Files.write(classes.resolve("Unit.class"), new byte[] {1});
        assertEquals(1, kotlinFiles(tmp.resolve("classes")).size());
    }

    private static void assertThrowsClassNotFound(String name) {
        org.junit.jupiter.api.Assertions.assertThrows(ClassNotFoundException.class,
                () -> Class.forName(name, false, ClassLoader.getSystemClassLoader()), name + " is loadable");
    }

    @Test
    void onlyJUnitsKotlinModuleMarkersAreAllowed() {
        assertTrue(allowed("/m2/junit-jupiter-api-5.14.4.jar!META-INF/junit-jupiter-api.kotlin_module"));
        assertFalse(allowed("/m2/junit-jupiter-api-5.14.4.jar!kotlin/Unit.class"));
        assertFalse(allowed("/m2/jazzer-0.24.0.jar!META-INF/jazzer.kotlin_module"));
        assertFalse(allowed("/m2/junit-jupiter-api-5.14.4.jar!lib/x.jar!META-INF/x.kotlin_module"));
    }

    private static byte[] jar(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes; ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
