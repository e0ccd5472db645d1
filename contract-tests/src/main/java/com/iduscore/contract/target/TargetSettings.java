package com.iduscore.contract.target;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment says about the target, resolved without side effects (so it is unit-testable from a map).
 *
 * <p>Selection: {@code IDUSCORE_TARGET} ({@code stub|url|container}) when set; otherwise {@code url} when
 * {@code IDUSCORE_BASE_URL} is set, else {@code stub}. Variables:
 * <ul>
 *   <li>url: {@code IDUSCORE_BASE_URL}, {@code IDUSCORE_API_KEY}, {@code IDUSCORE_PARTNER_ID} (required);
 *       {@code IDUSCORE_SECOND_API_KEY}/{@code IDUSCORE_SECOND_PARTNER_ID}, {@code IDUSCORE_OTHER_TENANT_API_KEY}/
 *       {@code IDUSCORE_OTHER_TENANT_PARTNER_ID}, {@code IDUSCORE_INACTIVE_API_KEY}, {@code IDUSCORE_WEBHOOK_PORT} +
 *       {@code IDUSCORE_WEBHOOK_SECRET}, {@code IDUSCORE_WEBHOOK_API_KEY} (the key the deployment sends as {@code X-Api-Key},
 *       when one is registered), {@code IDUSCORE_WEBHOOK_BIND} (default 127.0.0.1)</li>
 *   <li>all: {@code IDUSCORE_READ_ONLY=true}, {@code IDUSCORE_RESULT_TIMEOUT} (ISO-8601, default PT2M),
 *       {@code IDUSCORE_WEBHOOK_HEADER_PREFIX} (default {@code X-Idunox-})</li>
 *   <li>stub: {@code IDUSCORE_MOCK_JAR} (default {@code mock-server/target/iduscore-mock-server.jar} under the reactor root)</li>
 *   <li>container: {@code IDUSCORE_MOCK_IMAGE} (a prebuilt image; default: build {@code mock-server/Dockerfile} on
 *       {@code IDUSCORE_BASE_IMAGE}, see {@code ContainerTarget})</li>
 * </ul>
 */
public record TargetSettings(
        TargetKind kind,
        String baseUrl,
        Credential primary,
        Optional<Credential> secondCredential,
        Optional<Credential> otherTenant,
        Optional<String> inactiveApiKey,
        boolean readOnly,
        Duration resultTimeout,
        Optional<Integer> webhookPort,
        Optional<String> webhookSecret,
        Optional<String> webhookApiKey,
        String webhookHeaderPrefix,
        String webhookBind,
        Optional<Path> mockJar,
        Optional<String> mockImage) {

    public static final Duration DEFAULT_RESULT_TIMEOUT = Duration.ofMinutes(2);
    public static final String DEFAULT_WEBHOOK_HEADER_PREFIX = "X-Idunox-";

    /** Resolves the run's variables ({@link RunEnvironment}: the environment, options over it). */
    public static TargetSettings fromEnvironment() {
        return fromEnvironment(RunEnvironment.variables());
    }

    /**
     * Resolves a given environment.
     *
     * @throws TargetConfigurationException naming every missing or malformed variable at once
     */
    public static TargetSettings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        TargetKind kind = kind(env, problems);
        boolean readOnly = flag(env, "IDUSCORE_READ_ONLY", problems);
        Duration timeout = duration(env, "IDUSCORE_RESULT_TIMEOUT", DEFAULT_RESULT_TIMEOUT, problems);
        String prefix = get(env, "IDUSCORE_WEBHOOK_HEADER_PREFIX").orElse(DEFAULT_WEBHOOK_HEADER_PREFIX);
        String bind = get(env, "IDUSCORE_WEBHOOK_BIND").orElse("127.0.0.1");
        Optional<Path> jar = get(env, "IDUSCORE_MOCK_JAR").map(RunEnvironment::resolve);
        Optional<String> image = get(env, "IDUSCORE_MOCK_IMAGE");

        if (kind != TargetKind.URL) {
            fail(problems);
            DemoTenants demo = DemoTenants.load();
            return new TargetSettings(kind, null, demo.primary(), Optional.of(demo.second()), Optional.of(demo.otherTenant()),
                    Optional.of(demo.inactiveApiKey()), readOnly, timeout, Optional.empty(), Optional.empty(), Optional.empty(), prefix, bind,
                    jar, image);
        }

        List<String> missing = new ArrayList<>();
        Optional<String> baseUrl = required(env, "IDUSCORE_BASE_URL", missing);
        Optional<String> apiKey = required(env, "IDUSCORE_API_KEY", missing);
        Optional<String> partnerId = required(env, "IDUSCORE_PARTNER_ID", missing);
        Optional<Credential> second = pair(env, "IDUSCORE_SECOND_PARTNER_ID", "IDUSCORE_SECOND_API_KEY", missing);
        Optional<Credential> other = pair(env, "IDUSCORE_OTHER_TENANT_PARTNER_ID", "IDUSCORE_OTHER_TENANT_API_KEY", missing);
        Optional<String> inactive = get(env, "IDUSCORE_INACTIVE_API_KEY");
        Optional<Integer> port = get(env, "IDUSCORE_WEBHOOK_PORT").flatMap(p -> port(p, problems));
        Optional<String> secret = get(env, "IDUSCORE_WEBHOOK_SECRET");
        Optional<String> webhookKey = get(env, "IDUSCORE_WEBHOOK_API_KEY");
        if (port.isPresent() != secret.isPresent()) {
            missing.add(port.isPresent() ? "IDUSCORE_WEBHOOK_SECRET (IDUSCORE_WEBHOOK_PORT is set)"
                    : "IDUSCORE_WEBHOOK_PORT (IDUSCORE_WEBHOOK_SECRET is set)");
        }
        baseUrl.ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                problems.add("IDUSCORE_BASE_URL must start with http:// or https:// (got '" + url + "')");
            }
        });
        if (!missing.isEmpty()) {
            problems.add(0, "the url target needs these variables (or the jar's options): " + String.join(", ", missing));
        }
        fail(problems);
        return new TargetSettings(kind, stripSlash(baseUrl.orElseThrow()), new Credential(partnerId.orElseThrow(), apiKey.orElseThrow()),
                second, other, inactive, readOnly, timeout, port, secret, webhookKey, prefix, bind, jar, image);
    }

    private static TargetKind kind(Map<String, String> env, List<String> problems) {
        Optional<String> explicit = get(env, "IDUSCORE_TARGET");
        if (explicit.isPresent()) {
            try {
                return TargetKind.valueOf(explicit.get().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("IDUSCORE_TARGET must be stub, url or container (got '" + explicit.get() + "')");
                return TargetKind.STUB;
            }
        }
        return get(env, "IDUSCORE_BASE_URL").isPresent() ? TargetKind.URL : TargetKind.STUB;
    }

    /** The conformance jar's option for a variable: {@code IDUSCORE_API_KEY} → {@code --api-key}. */
    static String option(String variable) {
        return "--" + variable.substring("IDUSCORE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<String> required(Map<String, String> env, String name, List<String> missing) {
        Optional<String> value = get(env, name);
        if (value.isEmpty()) {
            missing.add(name + " (" + option(name) + ")");
        }
        return value;
    }

    private static Optional<Credential> pair(Map<String, String> env, String idName, String keyName, List<String> missing) {
        Optional<String> id = get(env, idName);
        Optional<String> key = get(env, keyName);
        if (id.isPresent() != key.isPresent()) {
            missing.add((id.isPresent() ? keyName : idName) + " (" + (id.isPresent() ? idName : keyName) + " is set)");
            return Optional.empty();
        }
        return id.map(i -> new Credential(i, key.orElseThrow()));
    }

    private static boolean flag(Map<String, String> env, String name, List<String> problems) {
        Optional<String> value = get(env, name);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                problems.add(name + " must be true or false (got '" + value.get() + "')");
                yield false;
            }
        };
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback, List<String> problems) {
        Optional<String> value = get(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.get());
            if (parsed.isNegative() || parsed.isZero()) {
                problems.add(name + " must be positive (got '" + value.get() + "')");
                return fallback;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO-8601 duration such as PT2M (got '" + value.get() + "')");
            return fallback;
        }
    }

    private static Optional<Integer> port(String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return Optional.of(port);
        } catch (NumberFormatException e) {
            problems.add("IDUSCORE_WEBHOOK_PORT must be a port number 1-65535 (got '" + value + "')");
            return Optional.empty();
        }
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new TargetConfigurationException("Cannot choose the IduScore target: " + String.join("; ", problems)
                    + ". See contract-tests/README.md.");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
