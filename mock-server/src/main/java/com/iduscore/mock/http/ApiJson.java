package com.iduscore.mock.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one Jackson mapper of the HTTP adapter. Views are serialised with it (and only with it) so every response
 * writes instants the same way, {@code 2026-04-20T09:00:45.000Z}, and a replayed 202 is byte-identical to the first.
 *
 * <p>Never hand these types to WireMock's {@code Json}: WireMock's Jackson is relocated; we give it bytes.
 */
public final class ApiJson {

    /** ISO-8601 in UTC with exactly three fraction digits, as the API's examples show. */
    public static final DateTimeFormatter INSTANT_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // registered after JavaTimeModule, so it wins for Instant
            .addModule(new SimpleModule("instant-millis").addSerializer(Instant.class, new InstantMillisSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The UTF-8 JSON of {@code value}; a failure here is a programming error, not bad input. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static String format(Instant instant) {
        return INSTANT_MILLIS.format(instant);
    }

    private static final class InstantMillisSerializer extends StdSerializer<Instant> {
        InstantMillisSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(INSTANT_MILLIS.format(value));
        }
    }
}
