package com.iduscore.contract.framework;

import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.TargetConfigurationException;
import com.iduscore.contract.target.TargetKind;
import com.iduscore.contract.target.TargetSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSettingsTest {

    private static final Map<String, String> URL_ENV = Map.of(
            "IDUSCORE_BASE_URL", "https://api-test.example.com/",
            "IDUSCORE_API_KEY", "idu_live_123456",
            "IDUSCORE_PARTNER_ID", "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a");

    @Test
    void chooses_the_stub_with_the_demo_tenants_when_no_base_url_is_set() {
        TargetSettings settings = TargetSettings.fromEnvironment(Map.of());

        assertThat(settings.kind()).isEqualTo(TargetKind.STUB);
        assertThat(settings.primary()).isEqualTo(new Credential("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a", "idu_demo_a1"));
        assertThat(settings.secondCredential()).contains(new Credential("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e2a", "idu_demo_a2"));
        assertThat(settings.otherTenant()).contains(new Credential("1c8d3a5f-9b2e-4d4c-8f6a-7b8c9d0e1f2b", "idu_demo_b1"));
        assertThat(settings.inactiveApiKey()).contains("idu_demo_inactive");
        assertThat(settings.resultTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.readOnly()).isFalse();
        assertThat(settings.webhookHeaderPrefix()).isEqualTo("X-Idunox-");
    }

    @Test
    void chooses_the_url_target_when_a_base_url_is_set_and_strips_its_trailing_slash() {
        TargetSettings settings = TargetSettings.fromEnvironment(URL_ENV);

        assertThat(settings.kind()).isEqualTo(TargetKind.URL);
        assertThat(settings.baseUrl()).isEqualTo("https://api-test.example.com");
        assertThat(settings.primary().apiKey()).isEqualTo("idu_live_123456");
        assertThat(settings.secondCredential()).isEmpty();
        assertThat(settings.otherTenant()).isEmpty();
        assertThat(settings.webhookPort()).isEmpty();
    }

    @Test
    void names_every_missing_variable_of_the_url_target_at_once() {
        assertThatThrownBy(() -> TargetSettings.fromEnvironment(Map.of("IDUSCORE_TARGET", "url")))
                .isInstanceOf(TargetConfigurationException.class)
                .hasMessageContaining("IDUSCORE_BASE_URL")
                .hasMessageContaining("IDUSCORE_API_KEY")
                .hasMessageContaining("IDUSCORE_PARTNER_ID")
                .hasMessageContaining("README");
    }

    @Test
    void names_the_missing_half_of_an_optional_credential() {
        Map<String, String> env = new HashMap<>(URL_ENV);
        env.put("IDUSCORE_SECOND_API_KEY", "idu_second");

        assertThatThrownBy(() -> TargetSettings.fromEnvironment(env))
                .hasMessageContaining("IDUSCORE_SECOND_PARTNER_ID (IDUSCORE_SECOND_API_KEY is set)");
    }

    @Test
    void reads_the_optional_credentials_webhook_read_only_and_timeout() {
        Map<String, String> env = new HashMap<>(URL_ENV);
        env.putAll(Map.of(
                "IDUSCORE_SECOND_API_KEY", "idu_second", "IDUSCORE_SECOND_PARTNER_ID", "p2",
                "IDUSCORE_OTHER_TENANT_API_KEY", "idu_other", "IDUSCORE_OTHER_TENANT_PARTNER_ID", "p3",
                "IDUSCORE_INACTIVE_API_KEY", "idu_off",
                "IDUSCORE_WEBHOOK_PORT", "9099", "IDUSCORE_WEBHOOK_SECRET", "s3cret",
                "IDUSCORE_WEBHOOK_HEADER_PREFIX", "X-IduScore-",
                "IDUSCORE_READ_ONLY", "true", "IDUSCORE_RESULT_TIMEOUT", "PT5M"));

        TargetSettings settings = TargetSettings.fromEnvironment(env);

        assertThat(settings.secondCredential()).contains(new Credential("p2", "idu_second"));
        assertThat(settings.otherTenant()).contains(new Credential("p3", "idu_other"));
        assertThat(settings.inactiveApiKey()).contains("idu_off");
        assertThat(settings.webhookPort()).contains(9099);
        assertThat(settings.webhookSecret()).contains("s3cret");
        assertThat(settings.webhookHeaderPrefix()).isEqualTo("X-IduScore-");
        assertThat(settings.readOnly()).isTrue();
        assertThat(settings.resultTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refuses_a_webhook_port_without_a_secret() {
        Map<String, String> env = new HashMap<>(URL_ENV);
        env.put("IDUSCORE_WEBHOOK_PORT", "9099");

        assertThatThrownBy(() -> TargetSettings.fromEnvironment(env)).hasMessageContaining("IDUSCORE_WEBHOOK_SECRET");
    }

    @Test
    void explains_malformed_values() {
        Map<String, String> env = new HashMap<>(URL_ENV);
        env.putAll(Map.of("IDUSCORE_RESULT_TIMEOUT", "2 minutes", "IDUSCORE_READ_ONLY", "maybe",
                "IDUSCORE_WEBHOOK_PORT", "99999", "IDUSCORE_WEBHOOK_SECRET", "x"));

        assertThatThrownBy(() -> TargetSettings.fromEnvironment(env))
                .hasMessageContaining("IDUSCORE_RESULT_TIMEOUT must be an ISO-8601 duration such as PT2M (got '2 minutes')")
                .hasMessageContaining("IDUSCORE_READ_ONLY must be true or false (got 'maybe')")
                .hasMessageContaining("IDUSCORE_WEBHOOK_PORT must be a port number");
    }

    @Test
    void refuses_an_unknown_target_kind_and_a_base_url_without_scheme() {
        assertThatThrownBy(() -> TargetSettings.fromEnvironment(Map.of("IDUSCORE_TARGET", "prod")))
                .hasMessageContaining("IDUSCORE_TARGET must be stub, url or container (got 'prod')");
        Map<String, String> env = new HashMap<>(URL_ENV);
        env.put("IDUSCORE_BASE_URL", "api-test.example.com");
        assertThatThrownBy(() -> TargetSettings.fromEnvironment(env))
                .hasMessageContaining("IDUSCORE_BASE_URL must start with http:// or https://");
    }

    @Test
    void selects_the_container_target_by_name() {
        assertThat(TargetSettings.fromEnvironment(Map.of("IDUSCORE_TARGET", "container")).kind())
                .isEqualTo(TargetKind.CONTAINER);
    }

    @Test
    void the_stub_target_says_how_to_build_a_missing_mock_jar() {
        TargetSettings settings = TargetSettings.fromEnvironment(Map.of("IDUSCORE_MOCK_JAR", "/nowhere/iduscore-mock-server.jar"));

        assertThatThrownBy(() -> com.iduscore.contract.target.StubTarget.start(settings))
                .isInstanceOf(TargetConfigurationException.class)
                .hasMessageContaining("/nowhere/iduscore-mock-server.jar")
                .hasMessageContaining("run mvn -B package first");
    }

    @Test
    void never_prints_an_api_key_in_a_credential() {
        assertThat(new Credential("p", "idu_demo_a1").toString()).doesNotContain("idu_demo_a1").contains("idu_…****");
    }
}
