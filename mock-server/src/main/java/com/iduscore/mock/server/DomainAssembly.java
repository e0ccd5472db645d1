package com.iduscore.mock.server;

/** Builds and starts the real domain for a config: the leaves' adapters, the tenants, the clock, the schema validator. */
final class DomainAssembly {
    private DomainAssembly() {
    }

    static Backend assemble(MockServerConfig config) {
        throw new UnsupportedOperationException("wired once TenantsFile, OpenApiSubmissionSchemaValidator and OpenApiContract land");
    }
}
