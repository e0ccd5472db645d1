package com.iduscore.mock.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code 300ms}, {@code 2s}, {@code 15m}, {@code 1h}, {@code 1d} and ISO-8601 ({@code PT15M}); positive only. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
    /** Far beyond any useful step or SLA, and small enough that timestamps built from it never overflow. */
    static final Duration LONGEST = Duration.ofDays(365);

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.trim());
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than the 365 days a mock duration may be");
        }
        return duration;
    }

    static Duration parse(String value) {
        Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 300ms, 2s, 15m, 1h or PT15M");
        }
    }
}
