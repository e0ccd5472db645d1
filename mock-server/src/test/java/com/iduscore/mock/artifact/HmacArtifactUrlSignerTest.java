package com.iduscore.mock.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacArtifactUrlSignerTest {
    private static final UUID ARTIFACT = UUID.fromString("8b37c3c5-a223-456b-9c96-ad2d0e2e2ce6");
    private static final long EXPIRES = 1_777_777_777L;

    private final HmacArtifactUrlSigner signer = new HmacArtifactUrlSigner();

    @Test
    void verifies_its_own_signature() {
        String signature = signer.sign(ARTIFACT, EXPIRES);

        assertThat(signature).matches("[0-9a-f]{64}");
        assertThat(signer.verify(ARTIFACT, EXPIRES, signature)).isTrue();
    }

    @Test
    void signs_the_artifact_id_dot_expiry_with_hmac_sha256() throws Exception {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal((ARTIFACT + "." + EXPIRES).getBytes(StandardCharsets.UTF_8)));

        assertThat(HmacArtifactUrlSigner.withSecret(secret).sign(ARTIFACT, EXPIRES)).isEqualTo(expected);
    }

    @Test
    void refuses_a_signature_for_another_artifact() {
        String signature = signer.sign(ARTIFACT, EXPIRES);

        assertThat(signer.verify(UUID.randomUUID(), EXPIRES, signature)).isFalse();
    }

    @Test
    void refuses_a_signature_with_an_altered_expiry() {
        String signature = signer.sign(ARTIFACT, EXPIRES);

        assertThat(signer.verify(ARTIFACT, EXPIRES + 3600, signature)).isFalse();
    }

    @Test
    void refuses_an_altered_signature() {
        String signature = signer.sign(ARTIFACT, EXPIRES);
        char last = signature.charAt(signature.length() - 1);
        String altered = signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0');

        assertThat(signer.verify(ARTIFACT, EXPIRES, altered)).isFalse();
    }

    @Test
    void refuses_a_signature_made_with_another_secret() {
        String foreign = new HmacArtifactUrlSigner().sign(ARTIFACT, EXPIRES);

        assertThat(signer.verify(ARTIFACT, EXPIRES, foreign)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "zz", "not-hex-at-all", "abc",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef00"})
    void refuses_malformed_signatures_without_throwing(String malformed) {
        assertThat(signer.verify(ARTIFACT, EXPIRES, malformed)).isFalse();
    }

    @Test
    void refuses_an_uppercase_copy_of_a_valid_signature() {
        // the URL carries lowercase hex; anything else was not issued by us
        String signature = signer.sign(ARTIFACT, EXPIRES);

        assertThat(signer.verify(ARTIFACT, EXPIRES, signature.toUpperCase())).isFalse();
    }

    @Test
    void a_restored_secret_keeps_earlier_urls_valid() {
        String signature = signer.sign(ARTIFACT, EXPIRES);

        HmacArtifactUrlSigner restored = HmacArtifactUrlSigner.withSecret(signer.secret());

        assertThat(restored.verify(ARTIFACT, EXPIRES, signature)).isTrue();
    }

    @Test
    void random_signers_have_distinct_32_byte_secrets() {
        HmacArtifactUrlSigner other = new HmacArtifactUrlSigner();

        assertThat(signer.secret()).hasSize(32).isNotEqualTo(other.secret());
    }

    @Test
    void hands_out_copies_of_its_secret() {
        byte[] copy = signer.secret();
        String before = signer.sign(ARTIFACT, EXPIRES);
        Arrays.fill(copy, (byte) 0);

        assertThat(signer.sign(ARTIFACT, EXPIRES)).isEqualTo(before);
    }

    @Test
    void refuses_an_empty_secret() {
        assertThatThrownBy(() -> HmacArtifactUrlSigner.withSecret(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
