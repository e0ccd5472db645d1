package com.iduscore.mock.domain.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DueQueueTest {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void hands_out_only_what_is_due_earliest_first() {
        DueQueue<String> queue = new DueQueue<>();
        queue.add("later", T.plusSeconds(2));
        queue.add("first", T);
        queue.add("second", T.plusSeconds(1));

        assertThat(queue.pollDue(T.plusSeconds(1))).extracting(DueQueue.Entry::item).containsExactly("first", "second");
        assertThat(queue.earliest()).isEqualTo(T.plusSeconds(2));
        assertThat(queue.pollDue(T.plusSeconds(1))).isEmpty();
    }
}
