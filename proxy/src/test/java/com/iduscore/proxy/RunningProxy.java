package com.iduscore.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.openapi.OpenApiInteractionChecker;
import com.iduscore.contract.target.MockJarProcess;
import com.iduscore.contract.target.ReactorPaths;
import com.iduscore.proxy.record.ExchangeRecording;
import com.iduscore.proxy.record.RecordedExchange;
import com.iduscore.proxy.report.TrafficLog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A {@link ValidatingProxy} started in the test's JVM, with its traffic log in a directory of the test's. */
public record RunningProxy(ValidatingProxy proxy, TrafficLog log) implements AutoCloseable {

    public static RunningProxy start(String upstream, Path dir, boolean enforce, int bodyCap, Duration timeout, URI webhookTarget)
            throws IOException {
        TrafficLog log = new TrafficLog("test", upstream, enforce, dir, ContractOperations.shared());
        ValidatingProxy proxy = ValidatingProxy.start(new ValidatingProxy.Settings(URI.create(upstream), "127.0.0.1", 0, enforce,
                bodyCap, timeout, webhookTarget, 0, "result.ready"), log, OpenApiInteractionChecker.shared());
        return new RunningProxy(proxy, log);
    }

    public static RunningProxy start(String upstream, Path dir) throws IOException {
        return start(upstream, dir, false, 1 << 20, Duration.ofSeconds(20), null);
    }

    public String baseUrl() {
        return proxy.baseUrl();
    }

    /** The report as written to disk now ({@code traffic.json}). */
    public JsonNode report() throws IOException {
        log.writeReport(false);
        return PartnerTraffic.JSON.readTree(log.dir().resolve("traffic.json").toFile());
    }

    /** Every exchange so far, read back from {@code exchanges.jsonl}. */
    public List<RecordedExchange> recording() throws IOException {
        log.writeReport(false);
        return ExchangeRecording.read(log.dir().resolve("exchanges.jsonl"));
    }

    /** Exchanges are recorded just after the client has its answer: wait until {@code count} are in. */
    public void awaitExchanges(long count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> log.exchanges() >= count);
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        log.close();
    }

    /** The reactor's mock jar as a process, with the given tenants document, real clock and 20 ms steps. */
    public static MockJarProcess mock(ObjectNode tenants, String logName) {
        Path jar = ReactorPaths.root().resolve("mock-server/target/iduscore-mock-server.jar");
        return MockJarProcess.start(jar, tenants, List.of("--clock", "real", "--step-duration", "20ms"),
                ReactorPaths.root().resolve("proxy/target/" + logName));
    }
}
