package org.scale4j.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path out;

    @Test
    void neverReusesAVersionEvenUnderConcurrentStarts() throws Exception {
        Files.createDirectories(out.resolve("quick/version_4"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Path> start = () -> RunDirectory.createNext(out, "quick").path();
            List<Future<Path>> futures = pool.invokeAll(List.of(start, start, start, start, start, start));
            Set<Path> created = new HashSet<>();
            for (Future<Path> f : futures) {
                assertTrue(created.add(f.get()), "duplicate run directory " + f.get());
            }
            Set<String> names = new HashSet<>();
            created.forEach(p -> names.add(p.getFileName().toString()));
            assertEquals(Set.of("version_5", "version_6", "version_7", "version_8", "version_9", "version_10"), names);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(out.resolve("quick/version_10"), RunDirectory.latest(out, "quick").orElseThrow().path());
    }

    @Test
    void readsTheCommitOfALooseAndOfAPackedRef() throws IOException {
        Path repo = out.resolve("repo");
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n", StandardCharsets.UTF_8);
        Files.writeString(repo.resolve(".git/refs/heads/main"), "0123abcd\n", StandardCharsets.UTF_8);
        Files.createDirectories(repo.resolve("a/b"));
        assertEquals("0123abcd", RunProvenance.gitCommit(repo.resolve("a/b")));

        Files.delete(repo.resolve(".git/refs/heads/main"));
        Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs\nfeedbeef refs/heads/main\n",
                StandardCharsets.UTF_8);
        assertEquals("feedbeef", RunProvenance.gitCommit(repo));
    }
}
