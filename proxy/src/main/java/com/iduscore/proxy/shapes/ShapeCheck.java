package com.iduscore.proxy.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.proxy.diff.FramingHeaders;
import com.iduscore.proxy.record.RecordedExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Replays a recording's partner requests against the mock, in order, and compares the shapes of the responses the real
 * deployment gave (recorded) with the mock's, per operation and status: fields (JSON paths and types), values of
 * enumerated fields, and header names, each reported as {@code real-only} or {@code mock-only}: where the mock drifted.
 * A field one side only ever sent as {@code null} is reported as {@code nullability} (the state met differed: a job
 * that was never retried has no {@code errorDetail}), and its sub-fields are not counted as missing.
 *
 * <p>Replay keeps the request's shape, not its secrets or ids: the recording's keys are masked, so every request uses the
 * given mock key; each {@code Idempotency-Key} gets a fresh value (the same for every request that shared it); ids the
 * real API returned are learned by walking the recorded and the mock's response side by side, then substituted in later
 * paths and bodies (plus any {@code --map REAL=MOCK} given, e.g. for the partner id); links (a signed artifact
 * {@code downloadUrl}) are paired whole, so a later request for one goes to the mock's link. Gaps between requests are kept, up
 * to two seconds each, so a polled job has time to move on the mock too.
 */
public final class ShapeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> NOT_REPLAYED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "te", "trailer", "accept-encoding");

    private final URI mock;
    private final String apiKey;
    private final Map<String, String> substitutions = new LinkedHashMap<>();
    /** Whole request targets learned from links (signed artifact URLs: their signature covers the id, so no id swap). */
    private final Map<String, String> targets = new HashMap<>();
    private final Duration maxGap;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ShapeCheck(URI mock, String apiKey, Map<String, String> mappings, Duration maxGap) {
        String base = mock.toString();
        this.mock = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.apiKey = apiKey;
        this.substitutions.putAll(mappings);
        this.maxGap = maxGap;
    }

    /** Replays and compares; the result is {@code shapes.json}'s tree. */
    public ObjectNode run(List<RecordedExchange> recording) throws IOException, InterruptedException {
        Map<String, Shape> real = new TreeMap<>();
        Map<String, Shape> mocked = new TreeMap<>();
        Map<String, String> idempotencyKeys = new HashMap<>();
        int replayed = 0;
        int skipped = 0;
        Instant previous = null;
        for (RecordedExchange e : recording) {
            if (!e.kind().equals("partner") || e.status() == 0 || e.enforced()
                    || (e.requestBody() == null && e.requestHeader("content-length") != null && !"0".equals(e.requestHeader("content-length")))) {
                skipped++;
                continue;
            }
            Instant at = Instant.parse(e.at());
            if (previous != null) {
                long gap = Math.min(maxGap.toMillis(), Math.max(0, Duration.between(previous, at).toMillis()));
                Thread.sleep(gap);
            }
            previous = at;
            HttpResponse<byte[]> answer = client.send(request(e, idempotencyKeys), HttpResponse.BodyHandlers.ofByteArray());
            replayed++;
            JsonNode recordedBody = json(e.responseBody());
            JsonNode mockBody = json(new String(answer.body(), StandardCharsets.UTF_8));
            learn(recordedBody, mockBody);
            real.computeIfAbsent(e.operation() + " -> " + e.status(), k -> new Shape())
                    .add(recordedBody, e.responseHeaders().keySet(), FramingHeaders.NAMES);
            mocked.computeIfAbsent(e.operation() + " -> " + answer.statusCode(), k -> new Shape())
                    .add(mockBody, answer.headers().map().keySet(), FramingHeaders.NAMES);
        }
        return report(real, mocked, replayed, skipped);
    }

    private HttpRequest request(RecordedExchange e, Map<String, String> idempotencyKeys) {
        String body = e.requestBody() == null ? null : substitute(e.requestBody());
        String target = targets.getOrDefault(e.target(), substitute(e.target()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(mock + target))
                .timeout(Duration.ofSeconds(30))
                .method(e.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        e.requestHeaders().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (NOT_REPLAYED.contains(n)) {
                return;
            }
            for (String value : values) {
                String v = switch (n) {
                    case "x-api-key" -> apiKey;
                    case "authorization" -> value.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer " + apiKey : value;
                    case "idempotency-key" -> idempotencyKeys.computeIfAbsent(value, k -> UUID.randomUUID().toString());
                    default -> substitute(value);
                };
                builder.header(name, v);
            }
        });
        return builder.build();
    }

    private String substitute(String text) {
        String out = text;
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            out = out.replace(s.getKey(), s.getValue());
        }
        return out;
    }

    /** Pairs the ids at the same place in the recorded and the mock's answer, so later requests name the mock's. */
    private void learn(JsonNode real, JsonNode mocked) {
        if (real == null || mocked == null) {
            return;
        }
        if (real.isObject() && mocked.isObject()) {
            real.properties().forEach(e -> learn(e.getValue(), mocked.get(e.getKey())));
        } else if (real.isArray() && mocked.isArray()) {
            for (int i = 0; i < Math.min(real.size(), mocked.size()); i++) {
                learn(real.get(i), mocked.get(i));
            }
        } else if (real.isTextual() && mocked.isTextual() && real.asText().matches("https?://.+") && mocked.asText().matches("https?://.+")) {
            targets.putIfAbsent(pathAndQuery(real.asText()), pathAndQuery(mocked.asText()));
        } else if (real.isTextual() && mocked.isTextual() && ID_LIKE.matcher(real.asText()).matches()
                && ID_LIKE.matcher(mocked.asText()).matches() && !real.asText().equals(mocked.asText())) {
            substitutions.putIfAbsent(real.asText(), mocked.asText());
        }
    }

    private static String pathAndQuery(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException notAUrl) {
            return url;
        }
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private ObjectNode report(Map<String, Shape> real, Map<String, Shape> mocked, int replayed, int skipped) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mock", mock.toString());
        root.put("replayed", replayed);
        root.put("skipped", skipped);
        ArrayNode drift = JSON.createArrayNode();
        Set<String> groups = new TreeSet<>(real.keySet());
        groups.addAll(mocked.keySet());
        ArrayNode compared = root.putArray("compared");
        for (String group : groups) {
            Shape r = real.get(group);
            Shape m = mocked.get(group);
            if (r == null || m == null) {
                drift(drift, group, "status", r == null ? "mock-only" : "real-only", "",
                        (r == null ? "the mock answered this, the real API never did (" + m.samples : "the real API answered this, the mock never did (" + r.samples)
                                + " responses)");
                continue;
            }
            compared.addObject().put("group", group).put("realSamples", r.samples).put("mockSamples", m.samples)
                    .put("fields", r.types.size());
            for (String path : union(r.types.keySet(), m.types.keySet())) {
                Set<String> rt = r.types.get(path);
                Set<String> mt = m.types.get(path);
                if (rt == null || mt == null) {
                    // missing only counts where that side had an object to miss it from (not under a null or absent parent)
                    Shape lacking = rt == null ? r : m;
                    if (lacking.types.getOrDefault(parent(path), Set.of()).contains("object")) {
                        drift(drift, group, "field", rt == null ? "mock-only" : "real-only", path,
                                (rt == null ? "the mock sends it as " + mt : "the real API sends it as " + rt) + ", the other never does");
                    }
                } else if (!rt.equals(mt)) {
                    Set<String> rv = new TreeSet<>(rt);
                    rv.remove("null");
                    Set<String> mv = new TreeSet<>(mt);
                    mv.remove("null");
                    // one side only ever sent null: the state the requests met differed (no retry, no error yet), not the shape
                    String kind = rv.isEmpty() || mv.isEmpty() ? "nullability" : rv.equals(mv) ? "nullability" : "type";
                    drift(drift, group, kind, "both", path, "real " + rt + ", mock " + mt);
                }
            }
            for (String path : union(r.enumValues.keySet(), m.enumValues.keySet())) {
                Set<String> rv = r.enumValues.getOrDefault(path, Set.of());
                Set<String> mv = m.enumValues.getOrDefault(path, Set.of());
                if (!r.types.containsKey(path) || !m.types.containsKey(path)) {
                    continue;
                }
                for (String v : rv) {
                    if (!mv.contains(v)) {
                        drift(drift, group, "enum", "real-only", path, "value '" + v + "' seen from the real API, never from the mock");
                    }
                }
                for (String v : mv) {
                    if (!rv.contains(v)) {
                        drift(drift, group, "enum", "mock-only", path, "value '" + v + "' seen from the mock, never from the real API");
                    }
                }
            }
            for (String h : union(r.headers, m.headers)) {
                if (!r.headers.contains(h) || !m.headers.contains(h)) {
                    drift(drift, group, "header", r.headers.contains(h) ? "real-only" : "mock-only", h,
                            (r.headers.contains(h) ? "the real API sends it, the mock never does" : "the mock sends it, the real API never does"));
                }
            }
        }
        root.putObject("summary").put("groups", groups.size()).put("compared", compared.size()).put("drift", drift.size());
        root.set("drift", drift);
        return root;
    }

    /** {@code $.a.b} → {@code $.a}; {@code $.a[*]} → {@code $.a}. */
    private static String parent(String path) {
        String p = path.endsWith("[*]") ? path.substring(0, path.length() - 3) : path;
        int dot = p.lastIndexOf('.');
        int bracket = p.lastIndexOf("[*]");
        if (path.endsWith("[*]")) {
            return p;
        }
        return dot > bracket ? p.substring(0, dot) : p.substring(0, bracket + 3);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static void drift(ArrayNode drift, String group, String kind, String side, String path, String detail) {
        int arrow = group.lastIndexOf(" -> ");
        drift.addObject().put("operation", group.substring(0, arrow)).put("status", group.substring(arrow + 4))
                .put("kind", kind).put("side", side).put("path", path).put("detail", detail);
    }
}
