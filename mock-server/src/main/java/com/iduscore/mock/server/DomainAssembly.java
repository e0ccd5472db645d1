package com.iduscore.mock.server;

import com.iduscore.contract.openapi.OpenApiContract;
import com.iduscore.mock.artifact.HmacArtifactUrlSigner;
import com.iduscore.mock.artifact.ReportArtifactRenderer;
import com.iduscore.mock.config.TenantsFile;
import com.iduscore.mock.domain.DomainPorts;
import com.iduscore.mock.domain.DomainSettings;
import com.iduscore.mock.domain.IduScoreService;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.clock.SystemClock;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.http.OpenApiDocuments;
import com.iduscore.contract.openapi.SchemaValidator;
import com.iduscore.mock.validation.SubmissionSchemaValidator;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Map;
import com.iduscore.mock.webhook.HmacWebhookSigner;
import com.iduscore.mock.webhook.HttpWebhookTransport;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds and starts the real domain for a config: the leaves' adapters, the tenants, the clock, the schema validator. */
final class DomainAssembly {
    private DomainAssembly() {
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
                config.webhookHeaderPrefix(), config.stateFile());
        DomainPorts ports = new DomainPorts(new HttpWebhookTransport(), new HmacWebhookSigner(),
                HmacArtifactUrlSigner.random(), new ReportArtifactRenderer());
        IduScoreService service = new IduScoreService(settings, ports);
        try {
            OpenApiDocuments openApi = new OpenApiDocuments(OpenApiContract.json().getBytes(StandardCharsets.UTF_8),
                    OpenApiContract.yaml().getBytes(StandardCharsets.UTF_8));
            SubmissionSchemaValidator validator = body -> { // TEMP until leaves' OpenApiSubmissionSchemaValidator lands
                Map<String, List<String>> fields = new LinkedHashMap<>();
                List<String> form = new ArrayList<>();
                for (SchemaValidator.Violation v : SchemaValidator.shared().validate("CanonicalSubmissionV1", body)) {
                    if (v.path().isEmpty()) form.add(v.message()); else fields.computeIfAbsent(v.path(), k -> new ArrayList<>()).add(v.message());
                }
                return new SubmissionSchemaValidator.FieldErrors(form, fields);
            };
            service.start();
            return new Backend(service, service, validator, openApi,
                    tenants.stream().map(TenantConfig::tenantId).toList(), service::close);
        } catch (RuntimeException failure) {
            service.close();
            throw failure;
        }
    }
}
