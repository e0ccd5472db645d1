package com.iduscore.mock.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.iduscore.contract.openapi.OpenApiContract;
import com.iduscore.mock.artifact.HmacArtifactUrlSigner;
import com.iduscore.mock.artifact.ReportArtifactRenderer;
import com.iduscore.mock.config.TenantsFile;
import com.iduscore.mock.domain.DomainPorts;
import com.iduscore.mock.domain.DomainSettings;
import com.iduscore.mock.domain.DomainStores;
import com.iduscore.mock.domain.IduScoreService;
import com.iduscore.mock.domain.artifact.ArtifactRenderer;
import com.iduscore.mock.domain.artifact.ArtifactUrlSigner;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.clock.SystemClock;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.webhook.WebhookTransport;
import com.iduscore.mock.http.ApiJson;
import com.iduscore.mock.http.OpenApiDocuments;
import com.iduscore.mock.validation.OpenApiSubmissionSchemaValidator;
import com.iduscore.mock.validation.SubmissionSchemaValidator;
import com.iduscore.mock.webhook.HmacWebhookSigner;
import com.iduscore.mock.webhook.HttpWebhookTransport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds and starts the real domain for a config: the leaves' adapters, the tenants, the clock, the schema validator
 * and the OpenAPI documents. Parts only some requests need (the webhook HTTP client, the report renderer, the schema
 * validator, the documents) are made on first use, so they stay off the cold start.
 */
final class DomainAssembly {
    private DomainAssembly() {
    }

    /** The HMAC link signer with its secret saved in the state, so links handed out stay valid across a restart. */
    private record KeptSecretSigner(HmacArtifactUrlSigner signer) implements ArtifactUrlSigner {
        @Override
        public String sign(java.util.UUID artifactId, long expiresEpochSeconds) {
            return signer.sign(artifactId, expiresEpochSeconds);
        }

        @Override
        public boolean verify(java.util.UUID artifactId, long expiresEpochSeconds, String signature) {
            return signer.verify(artifactId, expiresEpochSeconds, signature);
        }

        @Override
        public byte[] secret() {
            return signer.secret();
        }

        @Override
        public ArtifactUrlSigner rekeyed(byte[] secret) {
            return new KeptSecretSigner(HmacArtifactUrlSigner.withSecret(secret));
        }
    }

    /**
     * @throws com.iduscore.mock.config.InvalidConfigException when the built-in tenants cannot be read
     * @throws IllegalArgumentException                         when the state file is not a snapshot, or the tenants cannot work
     */
    static Backend assemble(MockServerConfig config) {
        List<TenantConfig> tenants = config.tenants() != null ? config.tenants() : TenantsFile.builtInDemo();
        // a manual clock starts at the real time, so webhook timestamps pass a receiver's freshness check
        MockClock clock = config.clock() == ClockMode.MANUAL ? new ManualClock(new SystemClock().now()) : new SystemClock();
        DomainSettings settings = new DomainSettings(clock, tenants, config.stepDuration(), config.sla(),
                config.webhookHeaderPrefix(), config.stateFile(), config.maxSubmissions());
        Lazy<WebhookTransport> transport = Lazy.of(HttpWebhookTransport::new);
        Lazy<ArtifactRenderer> renderer = Lazy.of(ReportArtifactRenderer::new);
        DomainPorts ports = new DomainPorts((url, headers, body) -> transport.get().post(url, headers, body),
                new HmacWebhookSigner(), new KeptSecretSigner(new HmacArtifactUrlSigner()),
                (kind, content) -> renderer.get().render(kind, content));
        // every response goes through this mapper: load it here, beside WireMock's start, not on the first request
        ApiJson.bytes(Map.of("timestamp", clock.now()));
        IduScoreService service = new IduScoreService(settings, ports, DomainStores.inMemory());
        try {
            Lazy<SubmissionSchemaValidator> validator = Lazy.of(OpenApiSubmissionSchemaValidator::new);
            OpenApiDocuments openApi = OpenApiDocuments.from(
                    Lazy.of(() -> OpenApiContract.json().getBytes(StandardCharsets.UTF_8)),
                    Lazy.of(() -> OpenApiContract.yaml().getBytes(StandardCharsets.UTF_8)));
            service.start();
            Runnable warmUp = () -> {
                validator.get().validate(JsonNodeFactory.instance.objectNode());
                openApi.json();
            };
            return new Backend(service, service, body -> validator.get().validate(body), openApi,
                    tenants.stream().map(TenantConfig::tenantId).toList(), service::close, warmUp);
        } catch (RuntimeException failure) {
            service.close();
            throw failure;
        }
    }
}
