package com.iduscore.contract.selftest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Header maps of the proxy: case-insensitive, unmodifiable, copied on every change. */
final class HttpHeaders {

    private HttpHeaders() {
    }

    static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
                }
            });
        }
        copy.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(copy);
    }

    static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, List.of(value));
        return copy;
    }

    static Map<String, List<String>> without(Map<String, List<String>> headers, String name) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.remove(name);
        return copy;
    }
}
