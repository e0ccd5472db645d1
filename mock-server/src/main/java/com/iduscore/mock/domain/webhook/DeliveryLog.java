package com.iduscore.mock.domain.webhook;

import com.iduscore.mock.domain.view.DeliveryView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every webhook delivery attempt, oldest first, as the admin API lists them. */
public final class DeliveryLog {
    private final java.util.ArrayDeque<DeliveryView> attempts = new java.util.ArrayDeque<>();
    /** The newest this many attempts are kept, so memory stays bounded under sustained load. */
    private final int capacity;
    private long added;

    public DeliveryLog() {
        this(Integer.MAX_VALUE);
    }

    public DeliveryLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(DeliveryView attempt) {
        attempts.addLast(attempt);
        added++;
        while (attempts.size() > capacity) {
            attempts.removeFirst();
        }
    }

    /** How many attempts were ever logged (including ones dropped for capacity). */
    public synchronized long added() {
        return added;
    }

    public synchronized List<DeliveryView> all() {
        return List.copyOf(attempts);
    }

    public synchronized void replaceAll(Collection<DeliveryView> replacement) {
        attempts.clear();
        attempts.addAll(replacement);
    }
}
