package org.scale4j.training.run;

import ai.djl.engine.Engine;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scale4j.training.io.Json;

/**
 * Where a run's numbers come from: the exact recipe and data, the software and the machine.
 * Math results differ by platform and library version, so a result without these is not
 * reproducible. Saved as {@code provenance.json} in the run directory and in every checkpoint.
 *
 * @param scale4jVersion the version of the scale4j build
 * @param gitCommit the commit of the source tree, or {@code null} outside a git checkout
 * @param djlVersion the DJL version
 * @param engine the deep-learning engine and its version, e.g. {@code PyTorch 2.7.1}
 * @param java the Java runtime version and vendor
 * @param os operating system, version and CPU architecture
 * @param host the host name
 * @param created when the run started (UTC, ISO-8601)
 * @param recipeSha256 the SHA-256 of the resolved recipe text
 * @param dataFingerprint the dataset's content hash
 * @param seed the run seed
 * @param devices the devices the run trains on
 */
public record RunProvenance(
        String scale4jVersion,
        String gitCommit,
        String djlVersion,
        String engine,
        String java,
        String os,
        String host,
        String created,
        String recipeSha256,
        String dataFingerprint,
        long seed,
        String devices) {

    /** Collects the provenance of a run starting now. */
    public static RunProvenance collect(String resolvedRecipe, String dataFingerprint, long seed, String devices,
            Path sourceRoot) {
        Engine engine = Engine.getInstance();
        return new RunProvenance(
                buildVersion(),
                gitCommit(sourceRoot),
                Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                hostName(),
                Instant.now().toString(),
                sha256(resolvedRecipe),
                dataFingerprint,
                seed,
                devices);
    }

    /** The JSON text of this record (keys in component order). */
    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (var component : RunProvenance.class.getRecordComponents()) {
            try {
                map.put(component.getName(), component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Json.write(map) + "\n";
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String buildVersion() {
        String version = RunProvenance.class.getPackage().getImplementationVersion();
        return version != null ? version : RunProvenance.class.getModule().getDescriptor() != null
                ? RunProvenance.class.getModule().getDescriptor().rawVersion().orElse("dev") : "dev";
    }

    /** Reads {@code .git/HEAD} (following one ref) without running git; null when unavailable. */
    static String gitCommit(Path start) {
        for (Path dir = start == null ? null : start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            try {
                if (Files.isRegularFile(git)) { // a worktree: "gitdir: <path>"
                    String pointer = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (pointer.startsWith("gitdir:")) {
                        git = dir.resolve(pointer.substring(7).trim());
                    }
                }
                if (!Files.isDirectory(git)) {
                    continue;
                }
                String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
                if (!head.startsWith("ref:")) {
                    return head;
                }
                String ref = head.substring(4).trim();
                for (Path base : new Path[] {git, commonDir(git)}) {
                    Path refFile = base.resolve(ref);
                    if (Files.isRegularFile(refFile)) {
                        return Files.readString(refFile, StandardCharsets.UTF_8).trim();
                    }
                    Path packed = base.resolve("packed-refs");
                    if (Files.isRegularFile(packed)) {
                        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                            if (line.endsWith(" " + ref)) {
                                return line.substring(0, line.indexOf(' '));
                            }
                        }
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }

    private static Path commonDir(Path git) throws java.io.IOException {
        Path common = git.resolve("commondir");
        return Files.isRegularFile(common)
                ? git.resolve(Files.readString(common, StandardCharsets.UTF_8).trim()).normalize() : git;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }
}
