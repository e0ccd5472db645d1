package com.iduscore.mock.domain.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDispatcherTest {

    @Test
    void logs_a_receiver_url_without_its_query_or_user_info() {
        assertThat(WebhookDispatcher.loggable("https://user:pw@hooks.example.com:8443/iduscore?token=s3cret"))
                .isEqualTo("https://hooks.example.com:8443/iduscore");
        assertThat(WebhookDispatcher.loggable("http://127.0.0.1/hook")).isEqualTo("http://127.0.0.1/hook");
    }
}
