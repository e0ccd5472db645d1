package com.iduscore.mock.http;

import java.util.function.Supplier;

/**
 * The merged OpenAPI document as served by {@code GET /openapi.json} and {@code GET /openapi.yaml}. Each form comes
 * from its supplier, asked whenever its route is: the assembly hands in memoised ones, so the YAML is parsed on first
 * use and kept, off the start-up path that only these two routes would pay for.
 */
public final class OpenApiDocuments {
    private final Supplier<byte[]> json;
    private final Supplier<byte[]> yaml;

    private OpenApiDocuments(Supplier<byte[]> json, Supplier<byte[]> yaml) {
        this.json = json;
        this.yaml = yaml;
    }

    /** Documents from suppliers asked on every use; hand in memoised ones when making them costs. */
    public static OpenApiDocuments from(Supplier<byte[]> json, Supplier<byte[]> yaml) {
        return new OpenApiDocuments(json, yaml);
    }

    public static OpenApiDocuments of(byte[] json, byte[] yaml) {
        return new OpenApiDocuments(() -> json, () -> yaml);
    }

    public byte[] json() {
        return json.get();
    }

    public byte[] yaml() {
        return yaml.get();
    }
}
