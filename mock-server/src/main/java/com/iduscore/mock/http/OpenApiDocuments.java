package com.iduscore.mock.http;

import java.util.function.Supplier;

/**
 * The merged OpenAPI document as served by {@code GET /openapi.json} and {@code GET /openapi.yaml}. Each form is made
 * on first use and kept: parsing the YAML costs start-up time that only these two routes need.
 */
public final class OpenApiDocuments {
    private final Supplier<byte[]> json;
    private final Supplier<byte[]> yaml;

    private OpenApiDocuments(Supplier<byte[]> json, Supplier<byte[]> yaml) {
        this.json = memoize(json);
        this.yaml = memoize(yaml);
    }

    /** Documents made by the suppliers on first use, once each. */
    public static OpenApiDocuments lazy(Supplier<byte[]> json, Supplier<byte[]> yaml) {
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

    private static Supplier<byte[]> memoize(Supplier<byte[]> supplier) {
        return new Supplier<>() {
            private volatile byte[] value;

            @Override
            public byte[] get() {
                byte[] result = value;
                if (result == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        result = value;
                    }
                }
                return result;
            }
        };
    }
}
