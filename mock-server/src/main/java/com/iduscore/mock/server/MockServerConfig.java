package com.iduscore.mock.server;

import com.iduscore.mock.domain.DomainSettings;
import com.iduscore.mock.domain.tenant.TenantConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the mock. A {@code null} field takes its default, so {@code MockServerConfig.defaults().withPort(0)}
 * and the {@code with…} methods are all a caller needs.
 *
 * @param port                TCP port; 0 picks a free one (default 8080)
 * @param bindAddress         interface to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} in a container)
 * @param tenants             tenants and credentials (default: the built-in demo tenants)
 * @param clock               {@code REAL} (default) or {@code MANUAL}, moved by {@code POST /__admin/iduscore/clock/advance}
 * @param stepDuration        time one pipeline step takes (default 300 ms)
 * @param sla                 a job's SLA (default 15 minutes)
 * @param stateFile           where state survives a restart; {@code null} keeps it in memory (default)
 * @param webhookHeaderPrefix {@code X-Idunox-} (default) or {@code X-IduScore-}
 * @param adminToken          when set, every {@code /__admin} route needs {@code Authorization: Bearer <token>}
 * @param maxSubmissions      submissions kept at most; the oldest terminal ones are evicted beyond it (default 100000)
 */
public record MockServerConfig(int port, String bindAddress, List<TenantConfig> tenants, ClockMode clock,
                               Duration stepDuration, Duration sla, Path stateFile, String webhookHeaderPrefix,
                               String adminToken, Integer maxSubmissions) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    public MockServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        bindAddress = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND_ADDRESS : bindAddress;
        tenants = tenants == null ? null : List.copyOf(tenants);
        clock = clock == null ? ClockMode.REAL : clock;
        stepDuration = stepDuration == null ? DomainSettings.DEFAULT_STEP_DURATION : stepDuration;
        sla = sla == null ? DomainSettings.DEFAULT_SLA : sla;
        webhookHeaderPrefix = webhookHeaderPrefix == null ? DomainSettings.DEFAULT_WEBHOOK_HEADER_PREFIX : webhookHeaderPrefix;
        adminToken = adminToken == null || adminToken.isEmpty() ? null : adminToken;
        maxSubmissions = maxSubmissions == null ? DomainSettings.DEFAULT_MAX_SUBMISSIONS : maxSubmissions;
        if (maxSubmissions < 1) {
            throw new IllegalArgumentException("maxSubmissions must be >= 1, was " + maxSubmissions);
        }
        if (stepDuration.isNegative() || stepDuration.isZero()) {
            throw new IllegalArgumentException("stepDuration must be positive, was " + stepDuration);
        }
        if (sla.isNegative() || sla.isZero()) {
            throw new IllegalArgumentException("sla must be positive, was " + sla);
        }
    }

    /** Port 8080 on 127.0.0.1, the demo tenants, the real clock, 300 ms steps, a 15 minute SLA, no state file. */
    public static MockServerConfig defaults() {
        return new MockServerConfig(DEFAULT_PORT, null, null, null, null, null, null, null, null, null);
    }

    public MockServerConfig withPort(int port) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withBindAddress(String bindAddress) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withTenants(List<TenantConfig> tenants) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withClock(ClockMode clock) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withStepDuration(Duration stepDuration) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withSla(Duration sla) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withStateFile(Path stateFile) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withWebhookHeaderPrefix(String webhookHeaderPrefix) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withAdminToken(String adminToken) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    public MockServerConfig withMaxSubmissions(int maxSubmissions) {
        return new MockServerConfig(port, bindAddress, tenants, clock, stepDuration, sla, stateFile, webhookHeaderPrefix, adminToken, maxSubmissions);
    }

    @Override
    public String toString() {
        // never print the admin token
        return "MockServerConfig[port=" + port + ", bindAddress=" + bindAddress + ", tenants="
                + (tenants == null ? "built-in demo" : tenants.size()) + ", clock=" + clock.slug() + ", stepDuration="
                + stepDuration + ", sla=" + sla + ", stateFile=" + stateFile + ", webhookHeaderPrefix="
                + webhookHeaderPrefix + ", adminToken=" + (adminToken == null ? "none" : "set") + ", maxSubmissions="
                + maxSubmissions + "]";
    }
}
