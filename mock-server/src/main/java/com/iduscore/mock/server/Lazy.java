package com.iduscore.mock.server;

import java.util.Objects;
import java.util.function.Supplier;

/** A value made on first use, once, thread-safely: for parts only some requests need, kept off the start-up path. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> factory;
    private volatile T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                if (value == null) {
                    value = Objects.requireNonNull(factory.get(), "lazy value");
                }
                result = value;
            }
        }
        return result;
    }
}
