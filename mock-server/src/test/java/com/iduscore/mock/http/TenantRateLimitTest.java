package com.iduscore.mock.http;

import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import com.iduscore.mock.server.ClockMode;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A tenant's own {@code rateLimitPerMinute} applies per credential; the faults override replaces it. */
class TenantRateLimitTest {

    @Test
    void a_tenants_own_limit_applies_to_each_of_its_credentials_until_the_fault_override_replaces_it() {
        TenantConfig limited = new TenantConfig("limited", true, null, 2, List.of(
                new CredentialConfig("4f1a6d8c-2e5b-4a7f-9c9d-0e1f2a3b4c5d", "idu_limited_1"),
                new CredentialConfig("4f1a6d8c-2e5b-4a7f-9c9d-0e1f2a3b4c5e", "idu_limited_2")));
        ContractValidation.registerOnce();
        try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withClock(ClockMode.MANUAL).withTenants(List.of(limited)))) {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = mock.port();

            Partner.withKey("idu_limited_1").get("/v1/partner-auth-probe").then().statusCode(204);
            Partner.withKey("idu_limited_1").get("/v1/partner-auth-probe").then().statusCode(204);
            Response third = Partner.withKey("idu_limited_1").get("/v1/partner-auth-probe");
            third.then().statusCode(429).body("error.code", equalTo("RATE_LIMITED"));
            assertThat(Integer.parseInt(third.header("Retry-After"))).isBetween(1, 60);
            Partner.withKey("idu_limited_2").get("/v1/partner-auth-probe").then().statusCode(204);

            Admin.faults(Map.of("rateLimitPerMinute", 10));

            Partner.withKey("idu_limited_1").get("/v1/partner-auth-probe").then().statusCode(204);
        }
    }
}
