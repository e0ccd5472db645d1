package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.target.DemoTenants;
import com.iduscore.contract.target.MockJarProcess;
import com.iduscore.proxy.PartnerTraffic;
import com.iduscore.proxy.RunningProxy;
import com.iduscore.proxy.record.RecordedExchange;
import com.iduscore.proxy.shapes.ShapeCheck;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite's own misbehaving upstream (the self-test's {@link DeviationProxy} in front of the mock, one planted
 * {@link Deviation} at a time) seen through the validating proxy: with nothing planted the report shows no violation of
 * the upstream's; every planted deviation that breaks the schema shows up as one, naming what broke.
 *
 * <p>Chain: partner traffic → validating proxy → DeviationProxy → mock; webhooks: mock → DeviationProxy's relay →
 * validating proxy's webhook listener → a receiver here. In this package because {@code Deviations} is package-private.
 * The same deviating upstream also feeds the shape check: a recording of it, replayed against the mock, shows the
 * planted field as one the real side sent and the mock never does.
 */
class PlantedDeviationsInTheProxyReportTest {

    /**
     * The planted deviations that break the contract's schemas, and a word the violation must name. The others keep every
     * schema and break behaviour only (a replay that creates a new submission, jobs out of order, another tenant's 200,
     * a documented 500 for a bad body, a 200 for an unknown route, …): the suite's checks catch those, a schema
     * validator cannot. A run of all 27 through this traffic showed violations for exactly these 8.
     */
    static final List<String[]> SCHEMA_BREAKING = List.of(
            new String[]{"a_job_detail_missing_a_required_field", "segment"},
            new String[]{"an_undocumented_field_in_the_result", "internalModelVersion"},
            new String[]{"a_bad_uuid_in_the_202", "jobId"},
            new String[]{"a_missing_x_request_id", "x-request-id"},
            new String[]{"a_requestId_unlike_its_header", "x-request-id"},
            new String[]{"a_score_above_1", "score"},
            new String[]{"an_unsigned_webhook", "webhook result.ready"},
            new String[]{"an_extra_field_in_the_webhook", "webhook result.ready"});

    private static DemoTenants tenants;
    private static DeviationProxy deviating;
    private static MockJarProcess mock;
    private static HttpServer receiver;
    private static List<PlantedDeviation> planted;
    private static Path reports;

    @BeforeAll
    static void start_the_mock_behind_the_deviation_proxy() throws IOException {
        tenants = DemoTenants.load();
        String secret = "whsec_proxytest_0123456789abcdef";
        planted = Deviations.all(tenants, "X-Idunox-", secret);
        deviating = DeviationProxy.start();
        mock = RunningProxy.mock(tenants.withWebhookForPrimary(deviating.relayUrl(), secret, "whk_proxytest_01"), "deviation-mock.log");
        deviating.forwardTo(mock.baseUrl());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        reports = Files.createTempDirectory("proxy-deviations");
    }

    @AfterAll
    static void stop() {
        if (mock != null) {
            mock.close();
        }
        if (deviating != null) {
            deviating.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_schema_breaking_deviation_shows_up_as_a_violation() {
        DynamicTest control = DynamicTest.dynamicTest("a_conforming_upstream_shows_no_violation_of_its_own", () -> {
            Run run = through(Deviation.NONE, "control", true);
            assertThat(run.report.path("summary").path("responseViolations").asInt())
                    .as("upstream violations with nothing planted: %s", run.report.path("violations")).isZero();
            assertThat(run.webhooks).as("webhook deliveries validated").isPositive();
        });
        return Stream.concat(Stream.of(control), SCHEMA_BREAKING.stream().map(entry -> DynamicTest.dynamicTest(
                entry[0] + "_shows_up_as_a_violation", () -> {
                    PlantedDeviation p = planted.stream().filter(d -> d.name().equals(entry[0])).findFirst()
                            .orElseThrow(() -> new AssertionError("no planted deviation " + entry[0] + " in Deviations.all"));
                    Run run = through(p.deviation().get(), p.name(), entry[1].startsWith("webhook"));
                    assertThat(run.applied).as("the deviation was applied").isPositive();
                    List<String> lines = new ArrayList<>();
                    run.report.path("violations").forEach(v -> lines.add(v.path("rule").asText() + ": " + v.path("message").asText()));
                    assertThat(run.report.path("summary").path("responseViolations").asInt()).as("upstream violations; all: %s", lines)
                            .isPositive();
                    assertThat(lines).as("a violation naming %s", entry[1]).anyMatch(l -> !l.contains("security.missing") && l.contains(entry[1]));
                })));
    }

    @Test
    void the_shape_check_finds_the_field_the_deviating_upstream_sent_and_the_mock_never_does() throws Exception {
        List<RecordedExchange> deviatingRecording = record(planted.stream()
                .filter(d -> d.name().equals("an_undocumented_field_in_the_result")).findFirst().orElseThrow().deviation().get(), "shapes-deviating");
        List<RecordedExchange> conformingRecording = record(Deviation.NONE, "shapes-control");

        JsonNode drifted = new ShapeCheck(URI.create(mock.baseUrl()), tenants.primary().apiKey(), Map.of(), Duration.ofSeconds(2))
                .run(deviatingRecording);
        JsonNode control = new ShapeCheck(URI.create(mock.baseUrl()), tenants.primary().apiKey(), Map.of(), Duration.ofSeconds(2))
                .run(conformingRecording);

        assertThat(control.path("replayed").asInt()).isEqualTo(conformingRecording.size()).isGreaterThan(8);
        assertThat(control.path("summary").path("compared").asInt()).as("operations compared").isGreaterThanOrEqualTo(4);
        assertThat(structural(control)).as("field, type and header drift of the mock against itself").isEmpty();
        assertThat(structural(drifted)).containsExactly(
                "real-only field GET /v1/results/{resultId} -> 200 $.internalModelVersion");
    }

    /**
     * Field, type and header drift, one line each. Enum values and nullability depend on the state each request met
     * (polling times, a retried job), so they are left out here.
     */
    private static List<String> structural(JsonNode shapes) {
        List<String> out = new ArrayList<>();
        shapes.path("drift").forEach(d -> {
            if (!d.path("kind").asText().matches("enum|nullability")) {
                out.add(d.path("side").asText() + " " + d.path("kind").asText() + " " + d.path("operation").asText() + " -> "
                        + d.path("status").asText() + " " + d.path("path").asText());
            }
        });
        return out;
    }

    private static List<RecordedExchange> record(Deviation deviation, String name) throws Exception {
        deviating.plant(deviation);
        try (RunningProxy proxy = RunningProxy.start(deviating.baseUrl(), reports.resolve(name))) {
            PartnerTraffic traffic = new PartnerTraffic(proxy.baseUrl(), tenants.primary());
            traffic.fullLifecycle();
            traffic.usualMistakes();
            proxy.awaitExchanges(traffic.responses.size());
            return proxy.recording();
        } finally {
            deviating.plant(Deviation.NONE);
        }
    }

    private record Run(JsonNode report, int applied, long webhooks) {
    }

    private static synchronized Run through(Deviation deviation, String name, boolean awaitWebhook) throws Exception {
        deviating.plant(deviation);
        try (RunningProxy proxy = RunningProxy.start(deviating.baseUrl(), reports.resolve(name), false, 1 << 20,
                Duration.ofSeconds(20), URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"))) {
            deviating.relayTo(proxy.proxy().webhookUrl());
            PartnerTraffic traffic = new PartnerTraffic(proxy.baseUrl(), tenants.primary());
            traffic.fullLifecycle();
            traffic.usualMistakes();
            if (awaitWebhook) {
                await().atMost(Duration.ofSeconds(15)).until(() -> proxy.recording().stream().anyMatch(e -> e.kind().equals("webhook")));
            }
            proxy.awaitExchanges(traffic.responses.size());
            JsonNode report = proxy.report();
            long webhooks = proxy.recording().stream().filter(e -> e.kind().equals("webhook")).count();
            return new Run(report, deviating.applied(), webhooks);
        } finally {
            deviating.plant(Deviation.NONE);
        }
    }
}
