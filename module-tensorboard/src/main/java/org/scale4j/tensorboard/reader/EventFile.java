package org.scale4j.tensorboard.reader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link EventFileReader#read} found in one event file: every good record's event, in file
 * order, and every problem.
 *
 * @param path the file
 * @param events the events of all good records
 * @param problems bad records with their offsets, in file order; empty for a clean file
 */
public record EventFile(Path path, List<TfEvent> events, List<RecordProblem> problems) {

    public EventFile {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** Whether every record framed, passed both CRCs and decoded. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** Step to value for one scalar tag (the last value wins when a step repeats). */
    public SortedMap<Long, Double> scalars(String tag) {
        SortedMap<Long, Double> out = new TreeMap<>();
        for (TfEvent e : events) {
            for (TfValue v : e.values()) {
                if (v.kind() == TfValue.Kind.SCALAR && v.tag().equals(tag)) {
                    out.put(e.step(), v.scalar());
                }
            }
        }
        return out;
    }

    /** Every value with {@code tag}, keyed by step, in file order. */
    public Map<Long, TfValue> values(String tag) {
        Map<Long, TfValue> out = new LinkedHashMap<>();
        for (TfEvent e : events) {
            for (TfValue v : e.values()) {
                if (v.tag().equals(tag)) {
                    out.put(e.step(), v);
                }
            }
        }
        return out;
    }
}
