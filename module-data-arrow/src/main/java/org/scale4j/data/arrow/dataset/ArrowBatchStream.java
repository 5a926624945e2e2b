package org.scale4j.data.arrow.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataException;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.RowView;

/**
 * Batches over one split: a per-epoch permutation from the seed, collation by each modality's
 * collator, and an optional background thread that prepares up to {@code prefetch} batches.
 *
 * <p>Every batch is a pure function of (seed, epoch, batch offset): the permutation comes from
 * {@code Seeds.derive(seed, epoch)} and each modality's masking generator from
 * {@code Seeds.derive(seed, epoch, batchIndex, modality)}. So a stream resumed at a stored
 * {@link DataPosition} continues with exactly the next batch, and the prefetch depth never
 * changes the content. The producer thread starts on the first {@link #next}, because tensors are
 * created in sub-managers of the manager passed there.
 */
final class ArrowBatchStream implements BatchStream {

    private static final System.Logger LOG = System.getLogger(ArrowBatchStream.class.getName());
    private static final Object END = new Object();

    private final ArrowDataset dataset;
    private final long[] rows;
    private final BatchOptions options;
    private final Map<String, MaskingRequest> masking;
    private DataPosition position;
    private BatchPlan nextPlan;
    private int permEpoch = -1;
    private int[] perm;

    private BlockingQueue<Object> queue;
    private Thread producer;
    private NDManager producerParent;
    private volatile boolean closed;

    ArrowBatchStream(ArrowDataset dataset, long[] rows, BatchOptions options, DataPosition from) {
        this.dataset = dataset;
        this.rows = rows;
        this.options = options;
        this.masking = new TreeMap<>();
        for (MaskingRequest request : options.masking()) {
            if (!dataset.collators().containsKey(request.modality())) {
                throw new DataException("masking requested for modality '" + request.modality()
                        + "', which the recipe's data.modalities does not define; it defines "
                        + dataset.collators().keySet());
            }
            if (masking.put(request.modality(), request) != null) {
                throw new DataException("two objectives request masking of modality '" + request.modality()
                        + "'; at most one masking per modality");
            }
        }
        this.position = from;
        this.nextPlan = BatchPlan.at(from, rows.length, options);
    }

    @Override
    public boolean hasNext() {
        return nextPlan != null;
    }

    @Override
    public Batch next(NDManager parent) {
        if (closed || dataset.isClosed()) {
            throw new IllegalStateException("the batch stream or its dataset is closed");
        }
        if (nextPlan == null) {
            throw new NoSuchElementException("the batch stream has ended at " + position);
        }
        Batch batch;
        if (options.prefetch() == 0) {
            batch = build(nextPlan, parent);
        } else {
            batch = take(parent);
        }
        position = nextPlan.end();
        nextPlan = BatchPlan.at(position, rows.length, options);
        return batch;
    }

    @Override
    public DataPosition position() {
        return position;
    }

    private Batch take(NDManager parent) {
        if (producer == null) {
            // The producer runs ahead of the consumer, so it cannot use the caller's manager (a
            // training step closes its manager when the step ends): it builds every batch under a
            // manager of its own, and each batch moves under the caller's manager when taken.
            producerParent = NDManager.newBaseManager(parent.getDevice(), parent.getEngine().getEngineName());
            queue = new ArrayBlockingQueue<>(options.prefetch());
            BatchPlan first = nextPlan;
            producer = new Thread(() -> produce(first), "scale4j-data-prefetch");
            producer.setDaemon(true);
            producer.start();
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        Batch batch = (Batch) item;
        NDManager moved = parent.newSubManager();
        batch.manager().getManagedArrays().forEach(a -> a.attach(moved));
        // The producer's manager may still hold resources that are not arrays: the leases of
        // recycled tensors, which must return to their pool only when this batch closes. So it is
        // not closed here but moved from the producer's manager (which the stream closes when it
        // closes, maybe before this batch) to the caller's, which closes it with the batch. A
        // sub-manager is registered with its parent under getName(), its uid when unnamed.
        NDManager producerBatch = batch.manager();
        producerParent.detachInternal(producerBatch.getName());
        moved.attachInternal(producerBatch.getName(), producerBatch);
        return new Batch(batch.ids(), batch.modalities(), batch.category(), batch.productGroup(), moved);
    }

    private void produce(BatchPlan first) {
        BatchPlan plan = first;
        try {
            while (plan != null && !closed) {
                Batch batch = build(plan, producerParent);
                try {
                    while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        if (closed) {
                            batch.close();
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    batch.close(); // closed while waiting for room: nobody will take it
                    throw e;
                }
                plan = BatchPlan.at(plan.end(), rows.length, options);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            offerQuietly(e);
        }
        if (plan == null) {
            offerQuietly(END);
        }
    }

    private void offerQuietly(Object item) {
        try {
            while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // wait for room or close
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the batch of {@code plan}: deterministic in (seed, epoch, offset). */
    Batch build(BatchPlan plan, NDManager parent) {
        int[] order = permutation(plan.epoch());
        List<RowView> batchRows = new ArrayList<>(plan.length());
        List<String> ids = new ArrayList<>(plan.length());
        for (int i = 0; i < plan.length(); i++) {
            ArrowRow row = dataset.row(rows[order[(int) (plan.offset() + i)]]);
            batchRows.add(row);
            ids.add(row.id());
        }
        NDManager manager = parent.newSubManager();
        try {
            SortedMap<String, ModalityBatch> modalities = new TreeMap<>();
            for (Map.Entry<String, ModalityCollator> e : dataset.collators().entrySet()) {
                String name = e.getKey();
                Random rng = new Random(Seeds.derive(options.seed(), plan.epoch(), plan.index(), Seeds.of(name)));
                modalities.put(name, e.getValue().collate(batchRows, masking.get(name), rng, manager));
            }
            NDArray category = dataset.hasCategory() ? labels(batchRows, dataset.options().categoryColumn(), manager)
                    : null;
            NDArray group = dataset.hasGroup() ? labels(batchRows, dataset.options().productGroupColumn(), manager)
                    : null;
            return new Batch(ids, modalities, category, group, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static NDArray labels(List<RowView> rows, String column, NDManager manager) {
        long[] out = new long[rows.size()];
        for (int i = 0; i < out.length; i++) {
            RowView row = rows.get(i);
            out[i] = row.isNull(column) ? -1 : (long) row.number(column);
        }
        return manager.create(out);
    }

    private synchronized int[] permutation(int epoch) {
        if (epoch != permEpoch) {
            perm = options.shuffle() ? Seeds.permutation(rows.length, Seeds.derive(options.seed(), epoch))
                    : identity(rows.length);
            permEpoch = epoch;
        }
        return perm;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dataset.streamClosed(this);
        if (producer != null) {
            // No interrupt: it would close the shards' file channels. The producer sees the flag
            // after its current batch or within 100 ms of waiting for room.
            try {
                producer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Object item; (item = queue.poll()) != null; ) {
                if (item instanceof Batch b) {
                    b.close();
                }
            }
            if (producer.isAlive()) {
                // Still building a batch after 10 s: closing its manager would return that batch's
                // pooled tensors while the thread writes into them, and another stream could get
                // them. Leave the manager to the thread: the engine frees it when the process exits.
                LOG.log(System.Logger.Level.WARNING, "prefetch thread " + producer.getName()
                        + " did not stop within 10 s; its batch memory is kept until the process exits");
                return;
            }
            producerParent.close();
        }
    }
}
