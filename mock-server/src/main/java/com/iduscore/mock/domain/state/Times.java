package com.iduscore.mock.domain.state;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants in snapshots: ISO-8601 text, {@code null} kept as {@code null}. */
public final class Times {
    private Times() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant");
        }
    }

    public static Instant required(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return parse(text);
    }
}
