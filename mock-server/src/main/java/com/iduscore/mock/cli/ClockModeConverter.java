package com.iduscore.mock.cli;

import com.iduscore.mock.server.ClockMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** {@code real} or {@code manual}, in any case. */
final class ClockModeConverter implements ITypeConverter<ClockMode> {
    @Override
    public ClockMode convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "real" -> ClockMode.REAL;
            case "manual" -> ClockMode.MANUAL;
            default -> throw new TypeConversionException("'" + value + "' is not a clock; use real or manual");
        };
    }
}
