package com.iduscore.mock.http;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTest {

    @Test
    void new_request_ids_are_distinct_version_4_uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestContext.newRequestId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void a_blank_correlation_id_counts_as_none() {
        assertThat(RequestContext.of(null, "  ").correlationId()).isNull();
        assertThat(RequestContext.of(null, "corr-1").correlationId()).isEqualTo("corr-1");
    }
}
