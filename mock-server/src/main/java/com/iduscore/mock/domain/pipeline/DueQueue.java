package com.iduscore.mock.domain.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Pipelines ordered by when their next transition falls due, so the ticker and {@code advanceClock} touch only what
 * is due instead of every open submission. An entry may be stale (its pipeline moved on through a read in the
 * meantime); taking a stale entry is harmless, its owner simply finds nothing due.
 */
public final class DueQueue<T> {
    private final PriorityQueue<Entry<T>> entries = new PriorityQueue<>(Comparator.comparing(Entry::due));

    /** One scheduled wake-up of {@code item} at {@code due}. */
    public record Entry<T>(Instant due, T item) {
    }

    public synchronized void add(T item, Instant due) {
        entries.add(new Entry<>(due, item));
    }

    /** Removes and returns every entry due by {@code now}, earliest first. */
    public synchronized List<Entry<T>> pollDue(Instant now) {
        List<Entry<T>> due = new ArrayList<>();
        while (!entries.isEmpty() && !entries.peek().due().isAfter(now)) {
            due.add(entries.poll());
        }
        return due;
    }

    /** The earliest due time held, or null when empty. */
    public synchronized Instant earliest() {
        Entry<T> first = entries.peek();
        return first == null ? null : first.due();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
