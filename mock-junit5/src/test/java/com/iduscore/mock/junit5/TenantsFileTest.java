package com.iduscore.mock.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsFileTest {
    @RegisterExtension
    static IduScoreMockExtension iduscore = IduScoreMockExtension.newInstance()
            .tenants(Path.of("src/test/resources/tenants-acme.json")).build();

    @Test
    void its_tenants_are_served_and_only_those_without_a_webhook_get_the_receiver(IduScoreMock mock) {
        assertThat(mock.tenants()).extracting(Tenant::tenantId).containsExactly("acme", "globex");
        assertThat(mock.tenantA().tenantId()).isEqualTo("acme");
        assertThat(mock.tenantA().webhookUrl()).isEqualTo(mock.webhookReceiver().url() + "/acme");
        assertThat(mock.tenant("globex").webhookUrl()).isEqualTo("http://127.0.0.1:9/globex-own-endpoint");
        assertThat(PartnerCalls.get(mock, "/v1/jobs/" + java.util.UUID.randomUUID(), "acme_key_1").statusCode()).isEqualTo(404);
        assertThat(PartnerCalls.get(mock, "/v1/jobs/" + java.util.UUID.randomUUID(), "idu_demo_a1").statusCode()).isEqualTo(401);
    }
}
