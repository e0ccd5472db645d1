package com.iduscore.mock.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacWebhookSignerTest {
    private static final String SECRET = "whsec_demo_secret";
    private static final long TIMESTAMP = 1_700_000_000L;

    private final HmacWebhookSigner signer = new HmacWebhookSigner();

    @Test
    void matches_a_vector_computed_with_openssl() {
        // printf '%s' '1700000000.{"eventType":"result.ready","resultId":"db2550ba-4c7f-4e7f-95d8-0a064f368f14"}' \
        //   | openssl dgst -sha256 -hmac 'whsec_demo_secret'
        // SHA2-256(stdin)= f87f2b212db6026f85247aee29b3260408ed0e80cd32b2c573e365a81a236922
        byte[] body = "{\"eventType\":\"result.ready\",\"resultId\":\"db2550ba-4c7f-4e7f-95d8-0a064f368f14\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signer.signature(SECRET, TIMESTAMP, body))
                .isEqualTo("v1=f87f2b212db6026f85247aee29b3260408ed0e80cd32b2c573e365a81a236922");
    }

    @Test
    void signs_the_raw_utf8_bytes_of_the_body() {
        // printf '%s' $'1700000000.{"eventType":"result.ready","note":"caf\xc3\xa9"}' | openssl dgst -sha256 -hmac 'whsec_demo_secret'
        // SHA2-256(stdin)= a8c20f904feefde2b95497e362abfe51ec5ed9266649dfd1e49afe266cd0ebb6
        byte[] body = "{\"eventType\":\"result.ready\",\"note\":\"café\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(signer.signature(SECRET, TIMESTAMP, body))
                .isEqualTo("v1=a8c20f904feefde2b95497e362abfe51ec5ed9266649dfd1e49afe266cd0ebb6");
    }

    @Test
    void equals_hmac_sha256_of_timestamp_dot_body_computed_independently() throws Exception {
        byte[] body = "{\"eventType\":\"result.ready\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("another-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expectedHex = HexFormat.of().formatHex(
                mac.doFinal(("42." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(signer.signature("another-secret", 42L, body)).isEqualTo("v1=" + expectedHex);
    }

    @Test
    void has_the_documented_shape() {
        assertThat(signer.signature(SECRET, TIMESTAMP, new byte[0])).matches("^v1=[0-9a-f]{64}$");
    }

    @Test
    void changes_when_the_timestamp_or_body_changes() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String original = signer.signature(SECRET, TIMESTAMP, body);

        assertThat(signer.signature(SECRET, TIMESTAMP + 1, body)).isNotEqualTo(original);
        assertThat(signer.signature(SECRET, TIMESTAMP, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(original);
        assertThat(signer.signature(SECRET + "x", TIMESTAMP, body)).isNotEqualTo(original);
    }

    @Test
    void refuses_to_sign_without_a_secret() {
        assertThatThrownBy(() -> signer.signature("", TIMESTAMP, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }
}
