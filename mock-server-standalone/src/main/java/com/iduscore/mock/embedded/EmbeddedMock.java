package com.iduscore.mock.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.iduscore.contract.openapi.OpenApiInteractionChecker;
import com.iduscore.mock.config.TenantsFile;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.SettleReport;
import com.iduscore.mock.server.ClockMode;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The mock embedded in a JVM that is not its own, e.g. a partner's tests: the API of the shaded
 * {@code iduscore-mock-server-standalone} jar that the JUnit extension uses. Its signatures carry JDK types and the
 * mock's own (unrelocated) {@code com.iduscore.mock} types only, so callers never see the relocated Jackson, WireMock
 * or Atlassian classes inside the jar.
 *
 * <p>Every request served is recorded as an {@link Exchange} (the mock's request journal stays off: this list is
 * cleared by {@link #reset} and {@link #clearExchanges}), and {@link #requestViolations} checks one against the
 * contract with the openapi module's {@link OpenApiInteractionChecker}.
 */
public final class EmbeddedMock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        quietLogs();
    }

    private final IduScoreMockServer server;
    private final List<TenantConfig> tenants;
    private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    private EmbeddedMock(IduScoreMockServer server, List<TenantConfig> tenants) {
        this.server = server;
        this.tenants = tenants;
        server.wireMock().addMockServiceRequestListener(this::record);
    }

    /**
     * Starts the mock on 127.0.0.1 and a free port.
     *
     * @param manualClock    {@code true}: time moves only by {@link #advance}; {@code false}: wall time
     * @param tenantsFile    a tenants file, or {@code null} for the demo tenants
     * @param webhookBaseUrl when set, every tenant without a webhook of its own gets one at
     *                       {@code webhookBaseUrl + "/" + tenantId}, signed with {@link #defaultWebhookSecret}
     */
    public static EmbeddedMock start(boolean manualClock, Path tenantsFile, String webhookBaseUrl) {
        List<TenantConfig> declared = tenantsFile == null ? TenantsFile.builtInDemo() : TenantsFile.load(tenantsFile);
        List<TenantConfig> tenants = webhookBaseUrl == null ? declared : withWebhooks(declared, webhookBaseUrl);
        MockServerConfig config = MockServerConfig.defaults().withPort(0)
                .withClock(manualClock ? ClockMode.MANUAL : ClockMode.REAL)
                .withTenants(tenants);
        return new EmbeddedMock(IduScoreMockServer.start(config), tenants);
    }

    /**
     * The mock logs through its own relocated SLF4J simple logger, so a partner's logging set-up does not reach it:
     * quiet by default (warnings only), louder with {@code -D<relocated slf4j package>.simpleLogger.defaultLogLevel=info}.
     * Names come from class literals, which the relocation rewrites with the classes.
     */
    private static void quietLogs() {
        String simpleLogger = org.slf4j.Logger.class.getPackageName() + ".simpleLogger.";
        setIfAbsent(simpleLogger + "defaultLogLevel", "warn");
        // the contract's schemas use OpenAPI keywords that networknt reports as unknown: noise for a partner
        setIfAbsent(simpleLogger + "log." + com.networknt.schema.Schema.class.getPackageName(), "error");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The secret a tenant's added webhook is signed with: {@code whsec_test_<tenantId>}. */
    public static String defaultWebhookSecret(String tenantId) {
        return "whsec_test_" + tenantId;
    }

    private static List<TenantConfig> withWebhooks(List<TenantConfig> declared, String webhookBaseUrl) {
        String base = webhookBaseUrl.endsWith("/") ? webhookBaseUrl.substring(0, webhookBaseUrl.length() - 1) : webhookBaseUrl;
        List<TenantConfig> out = new ArrayList<>(declared.size());
        for (TenantConfig tenant : declared) {
            out.add(tenant.webhook() != null ? tenant : new TenantConfig(tenant.tenantId(), tenant.active(),
                    new TenantConfig.WebhookConfig(base + "/" + tenant.tenantId(),
                            defaultWebhookSecret(tenant.tenantId()), null),
                    tenant.rateLimitPerMinute(), tenant.credentials()));
        }
        return List.copyOf(out);
    }

    /**
     * Loads the classes and parses the contract that the first start and the first {@link #requestViolations} need,
     * on a background thread, so that the first test does not pay for them.
     */
    public static void warmUpInBackground() {
        IduScoreMockServer.preloadInBackground();
        Thread.ofPlatform().name("iduscore-contract-warm-up").daemon(true).start(OpenApiInteractionChecker::shared);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public boolean manualClock() {
        return server.config().clock() == ClockMode.MANUAL;
    }

    /** The tenants served, with the webhooks added by {@link #start}. */
    public List<TenantConfig> tenants() {
        return tenants;
    }

    public Instant now() {
        return server.control().now();
    }

    /** Moves the mock's clock (manual, or the real one as an offset); everything due on the way runs, webhooks included. */
    public void advance(Duration by) {
        server.advance(by);
    }

    /**
     * Brings every submission to a terminal status and every due webhook attempt (retries included) to its end, by
     * moving the clock from one due time to the next (the domain's settle, as {@code POST /__admin/iduscore/clock/settle}).
     *
     * @return what happened: how far time moved, the submissions by status, the deliveries made
     * @throws IllegalStateException when the mock does not settle within its bound (one day of mock time)
     */
    public SettleReport settle() {
        SettleReport report = server.settle();
        if (!report.settled()) {
            throw new IllegalStateException("The mock did not settle within one day of its clock: " + report);
        }
        return report;
    }

    /** Every webhook delivery attempt so far, oldest first. */
    public List<DeliveryView> deliveries() {
        return server.control().deliveries();
    }

    /** Forgets every submission, key, delivery, fault and rate window (as {@code POST /__admin/iduscore/reset}), and the exchanges. */
    public void reset() {
        server.reset();
        exchanges.clear();
    }

    /**
     * Sets the fault switches (as {@code PUT /__admin/iduscore/faults}).
     *
     * @param rateLimitPerMinute {@code null} keeps the tenants' own limits
     */
    public void faults(boolean ready, long latencyMs, Integer rateLimitPerMinute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", ready);
        body.put("latencyMs", latencyMs);
        body.put("rateLimitPerMinute", rateLimitPerMinute);
        try {
            send("PUT", "/__admin/iduscore/faults", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole state as JSON ({@code GET /__admin/iduscore/state}). */
    public String exportState() {
        return server.control().exportState();
    }

    private void send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response;
        try {
            response = admin.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + path, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Every request served since the last {@link #reset} or {@link #clearExchanges}, oldest first (admin calls too). */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public void clearExchanges() {
        exchanges.clear();
    }

    /**
     * The contract violations of the request in {@code exchange} (lines as {@link OpenApiInteractionChecker} words
     * them, {@code [request] …}); empty when it conforms. Routes outside the contract ({@code /__admin}, the signed
     * {@code /_mock} downloads) have none. The first call parses the contract (about a second, once per JVM).
     */
    public static List<String> requestViolations(Exchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        List<String> all = OpenApiInteractionChecker.shared().violations(exchange.method(), exchange.url(),
                exchange.requestHeaders(), exchange.requestBody(), exchange.status(), exchange.responseHeaders(),
                exchange.responseBody(), true);
        // the mock's answers are the contract suite's business; here only what the partner's client sent counts
        return all.stream().filter(line -> line.startsWith("[request]")).toList();
    }

    private void record(Request request, Response response) {
        exchanges.add(new Exchange(request.getMethod().getName(), request.getUrl(), headers(request.getHeaders() == null ? null : request.getHeaders().all()),
                request.getBody(), response.getStatus(), headers(response.getHeaders() == null ? null : response.getHeaders().all()), response.getBody()));
    }

    private static Map<String, List<String>> headers(Iterable<HttpHeader> all) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (all == null) {
            return out;
        }
        for (HttpHeader header : all) {
            out.put(header.key(), List.copyOf(header.values()));
        }
        return out;
    }

    /** Stops the mock. Safe to call more than once. */
    @Override
    public void close() {
        server.stop();
    }
}
