package org.scale4j.data.importer.internal;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongPredicate;

/**
 * An on-disk open-addressing hash table from a 64-bit key hash to a byte offset in a source file,
 * memory-mapped so that lookups over millions of ids cost page cache, not heap.
 *
 * <p>Each slot is 16 bytes: the key hash and {@code offset + 1} (0 marks an empty slot). The table
 * never trusts the hash alone: a lookup hands every slot whose hash matches to a verifier that
 * re-reads the key at the offset, so hash collisions cost a read, never a wrong answer. Slots are
 * filled in insertion order along linear probes, so among equal keys the one inserted last is found
 * last; {@link #find} returns it ("last wins", as Python's {@code json.load} treats duplicate keys).
 *
 * <p>Capacity is the next power of two at or above twice the entry count (load factor at most
 * 0.5), mapped in 1 GiB windows so that tables past 2 GiB work.
 */
final class OffsetTable implements AutoCloseable {

    private static final int SLOT_BYTES = 16;
    private static final int WINDOW_SLOTS_LOG2 = 26; // 2^26 slots x 16 B = 1 GiB per mapped window

    private final Path file;
    private final long capacity;
    private final long mask;
    private final MappedByteBuffer[] windows;
    private final long size;

    private OffsetTable(Path file, long capacity, MappedByteBuffer[] windows, long size) {
        this.file = file;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.windows = windows;
        this.size = size;
    }

    /** The 64-bit hash of an id: FNV-1a over its UTF-8 bytes, then a murmur3 finaliser for spread. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The number of entries. */
    long size() {
        return size;
    }

    /** The number of slots; slot indices returned by {@link #find} are below it. */
    long capacity() {
        return capacity;
    }

    /** The source offset stored in {@code slot}. */
    long offsetAt(long slot) {
        return window(slot).getLong(position(slot) + 8) - 1;
    }

    /**
     * The slot of the last inserted entry with hash {@code h} whose key {@code verify} accepts,
     * or -1.
     *
     * @param verify gets a candidate's source offset and says whether the key there is the one sought
     */
    long find(long h, LongPredicate verify) {
        long found = -1;
        for (long slot = h & mask; ; slot = (slot + 1) & mask) {
            MappedByteBuffer w = window(slot);
            int p = position(slot);
            long stored = w.getLong(p + 8);
            if (stored == 0) {
                return found;
            }
            if (w.getLong(p) == h && verify.test(stored - 1)) {
                found = slot;
            }
        }
    }

    private MappedByteBuffer window(long slot) {
        return windows[(int) (slot >>> WINDOW_SLOTS_LOG2)];
    }

    private static int position(long slot) {
        return (int) (slot & ((1L << WINDOW_SLOTS_LOG2) - 1)) * SLOT_BYTES;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the table lives in the import's scratch directory, which is removed at the end anyway
        }
    }

    /** Collects (hash, offset) pairs in a scratch file, then lays them out as a table. */
    static final class Builder implements AutoCloseable {
        private final Path pairs;
        private final Path tableFile;
        private final DataOutputStream out;
        private long count;

        Builder(Path scratchDir, String name) {
            try {
                Files.createDirectories(scratchDir);
                this.pairs = scratchDir.resolve(name + ".pairs");
                this.tableFile = scratchDir.resolve(name + ".table");
                this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(pairs), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(long hash, long offset) {
            try {
                out.writeLong(hash);
                out.writeLong(offset);
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        OffsetTable build() {
            try {
                out.close();
                long capacity = 16;
                while (capacity < 2 * count) {
                    capacity <<= 1;
                }
                Files.deleteIfExists(tableFile);
                MappedByteBuffer[] windows;
                try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    long windowSlots = 1L << WINDOW_SLOTS_LOG2;
                    int n = (int) ((capacity + windowSlots - 1) / windowSlots);
                    windows = new MappedByteBuffer[n];
                    for (int i = 0; i < n; i++) {
                        long slots = Math.min(windowSlots, capacity - i * windowSlots);
                        windows[i] = ch.map(FileChannel.MapMode.READ_WRITE, i * windowSlots * SLOT_BYTES,
                                slots * SLOT_BYTES);
                        windows[i].order(ByteOrder.nativeOrder());
                    }
                }
                OffsetTable table = new OffsetTable(tableFile, capacity, windows, count);
                try (DataInputStream in = new DataInputStream(
                        new java.io.BufferedInputStream(Files.newInputStream(pairs), 1 << 16))) {
                    for (long i = 0; i < count; i++) {
                        table.insert(in.readLong(), in.readLong());
                    }
                }
                Files.deleteIfExists(pairs);
                return table;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
                Files.deleteIfExists(pairs);
            } catch (IOException e) {
                // scratch file; the scratch directory is removed at the end
            }
        }
    }

    private void insert(long h, long offset) {
        for (long slot = h & mask; ; slot = (slot + 1) & mask) {
            MappedByteBuffer w = window(slot);
            int p = position(slot);
            if (w.getLong(p + 8) == 0) {
                w.putLong(p, h);
                w.putLong(p + 8, offset + 1);
                return;
            }
        }
    }
}
