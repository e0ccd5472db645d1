package com.iduscore.mock.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiJsonTest {

    @Test
    void instants_are_written_in_utc_with_exactly_three_fraction_digits() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("whole", Instant.parse("2026-04-20T09:00:45Z"));
        body.put("nanos", Instant.parse("2026-04-20T09:00:45.123456789Z"));
        body.put("absent", null);

        assertThat(new String(ApiJson.bytes(body), StandardCharsets.UTF_8)).isEqualTo(
                "{\"whole\":\"2026-04-20T09:00:45.000Z\",\"nanos\":\"2026-04-20T09:00:45.123Z\",\"absent\":null}");
    }
}
