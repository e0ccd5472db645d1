package com.iduscore.contract.framework;

import com.iduscore.contract.api.Curl;
import com.iduscore.contract.report.Masking;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void shows_only_the_first_four_characters_of_a_key() {
        assertThat(Masking.maskKey("idu_demo_a1")).isEqualTo("idu_…****");
        assertThat(Masking.maskKey("abc")).isEqualTo("a…****");
        assertThat(Masking.maskKey("idu_…****")).isEqualTo("idu_…****");
    }

    @Test
    void masks_credential_headers_keeping_the_scheme() {
        assertThat(Masking.maskHeader("X-Api-Key", "idu_secret_value")).isEqualTo("idu_…****");
        assertThat(Masking.maskHeader("authorization", "Bearer idu_secret_value")).isEqualTo("Bearer idu_…****");
        assertThat(Masking.maskHeader("x-correlation-id", "ct-1")).isEqualTo("ct-1");
    }

    @Test
    void masks_registered_secrets_and_idu_tokens_anywhere_in_a_text() {
        Masking.register("whsec_0123456789abcdef");

        String masked = Masking.mask("secret whsec_0123456789abcdef and key idu_live_abcdef in {\"apiKey\":\"idu_x_y\"}");

        assertThat(masked).doesNotContain("whsec_0123456789abcdef", "idu_live_abcdef", "idu_x_y")
                .contains("whse…****", "idu_…****");
    }

    @Test
    void masks_key_headers_inside_a_curl_line_even_for_keys_never_registered() {
        String curl = "curl -sS -i 'http://h/v1' -H 'X-Api-Key: partner-key-0042' -H 'Authorization: Bearer tok-9876'";

        assertThat(Masking.mask(curl)).doesNotContain("partner-key-0042", "tok-9876")
                .contains("-H 'X-Api-Key: part…****'", "-H 'Authorization: Bearer tok-…****'");
    }

    @Test
    void builds_a_curl_line_that_repeats_the_request() {
        String curl = Curl.line("POST", "http://127.0.0.1:1/v1/submissions",
                List.of(Map.entry("X-Api-Key", "idu_…****"), Map.entry("Accept", "*/*"),
                        Map.entry("Content-Type", "application/json")), "{\"note\":\"it's\"}");

        assertThat(curl).isEqualTo("curl -sS -i -X POST 'http://127.0.0.1:1/v1/submissions' -H 'X-Api-Key: idu_…****'"
                + " -H 'Content-Type: application/json' --data-raw '{\"note\":\"it'\\''s\"}'");
    }
}
