package com.iduscore.mock.domain.webhook;

import com.iduscore.mock.domain.view.DeliveryView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every webhook delivery attempt, oldest first, as the admin API lists them. */
public final class DeliveryLog {
    private final List<DeliveryView> attempts = new ArrayList<>();

    public synchronized void add(DeliveryView attempt) {
        attempts.add(attempt);
    }

    /** How many attempts are logged. */
    public synchronized int size() {
        return attempts.size();
    }

    public synchronized List<DeliveryView> all() {
        return List.copyOf(attempts);
    }

    public synchronized void replaceAll(Collection<DeliveryView> replacement) {
        attempts.clear();
        attempts.addAll(replacement);
    }
}
