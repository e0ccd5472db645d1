package com.iduscore.mock.cli;

import com.iduscore.mock.http.ContractValidation;
import com.iduscore.mock.http.Fixtures;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI through its in-process seam: exit codes, the one listening line, and one clear message per mistake. */
class MockServerMainTest {

    @BeforeAll
    static void validateAgainstTheContract() {
        ContractValidation.registerOnce();
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void starts_prints_one_listening_line_and_serves_until_told_to_stop() {
        AtomicInteger healthStatus = new AtomicInteger();
        AtomicReference<String> baseUrl = new AtomicReference<>();

        int exit = run(server -> {
            baseUrl.set(server.baseUrl());
            healthStatus.set(get(server.baseUrl() + "/health"));
        }, "--port", "0", "--clock", "manual");

        assertThat(exit).isZero();
        assertThat(healthStatus.get()).isEqualTo(200);
        assertThat(stdout().lines()).singleElement().asString()
                .matches("IduScore mock listening on http://127\\.0\\.0\\.1:\\d+ "
                        + "\\(tenants: demo-a, demo-b, demo-inactive; clock: manual\\)")
                .contains(baseUrl.get());
    }

    @Test
    void a_stop_writes_the_state_file_and_the_next_start_reads_it(@TempDir Path dir) {
        Path stateFile = dir.resolve("state.json");
        AtomicReference<String> submissionId = new AtomicReference<>();

        int first = run(server -> submissionId.set(RestAssured.given()
                .header("X-Api-Key", "idu_demo_a1").header("Idempotency-Key", "cli-state-1")
                .header("x-correlation-id", "corr-cli-state-1").contentType("application/json")
                .body(Fixtures.completeSubmission().toString())
                .post(server.baseUrl() + "/v1/submissions")
                .then().statusCode(202).extract().path("submissionId")),
                "--port", "0", "--clock", "manual", "--state-file", stateFile.toString());

        assertThat(first).isZero();
        assertThat(stateFile).isRegularFile().content().contains(submissionId.get());
        AtomicInteger status = new AtomicInteger();
        int second = run(server -> status.set(RestAssured.given().header("X-Api-Key", "idu_demo_a1")
                        .get(server.baseUrl() + "/v1/submissions/" + submissionId.get()).statusCode()),
                "--port", "0", "--clock", "manual", "--state-file", stateFile.toString());
        assertThat(second).isZero();
        assertThat(status.get()).as("the submission after a restart").isEqualTo(200);
    }

    @Test
    void an_unknown_option_prints_one_line_and_exits_2() {
        assertThat(run(server -> { }, "--nope")).isEqualTo(2);
        assertOneCleanLine("Unknown option: '--nope'");
    }

    @Test
    void a_bad_clock_prints_one_line_and_exits_2() {
        assertThat(run(server -> { }, "--clock", "fast")).isEqualTo(2);
        assertOneCleanLine("real or manual");
    }

    @Test
    void a_bad_duration_prints_one_line_and_exits_2() {
        assertThat(run(server -> { }, "--step-duration", "soon")).isEqualTo(2);
        assertOneCleanLine("300ms");
        err.reset();
        assertThat(run(server -> { }, "--sla", "0s")).isEqualTo(2);
        assertOneCleanLine("positive");
    }

    @Test
    void a_duration_beyond_a_year_prints_one_line_and_exits_2_instead_of_overflowing_timestamps_later() {
        assertThat(run(server -> { }, "--sla", "999999999999d")).isEqualTo(2);
        assertOneCleanLine("365 days");
    }

    @Test
    void durations_accept_short_forms_and_iso_8601() {
        assertThat(DurationConverter.parse("300ms")).hasMillis(300);
        assertThat(DurationConverter.parse("2s")).hasSeconds(2);
        assertThat(DurationConverter.parse("15m")).hasMinutes(15);
        assertThat(DurationConverter.parse("1h")).hasHours(1);
        assertThat(DurationConverter.parse("PT15M")).hasMinutes(15);
    }

    @Test
    void a_port_out_of_range_prints_one_line_and_exits_2() {
        assertThat(run(server -> { }, "--port", "70000")).isEqualTo(2);
        assertOneCleanLine("--port");
    }

    @Test
    void a_port_already_in_use_prints_one_line_and_exits_2() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(run(server -> { }, "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
        }
        assertOneCleanLine("not available");
    }

    @Test
    void a_bind_address_this_machine_does_not_have_prints_one_line_naming_it_and_exits_2() {
        // TEST-NET-3 (RFC 5737): documentation addresses, never assigned to an interface
        assertThat(run(server -> { }, "--port", "0", "--bind", "203.0.113.7")).isEqualTo(2);

        assertOneCleanLine("--bind '203.0.113.7' cannot be bound");
        assertThat(stderr()).doesNotContain("port 0");
    }

    @Test
    void a_missing_tenants_file_prints_a_clear_message_and_exits_2(@TempDir Path dir) {
        assertThat(run(server -> { }, "--tenants", dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(stderr()).contains("absent.json").contains("does not exist").doesNotContain("\tat ");
    }

    @Test
    void an_invalid_tenants_file_prints_its_problems_and_exits_2(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tenants.json"), "{\"tenants\":[{\"tenantId\":\"t\",\"credentials\":[{\"partnerId\":\"x\",\"apiKey\":\"k\"}]}]}");

        assertThat(run(server -> { }, "--tenants", file.toString())).isEqualTo(2);

        assertThat(stderr()).contains("tenants.json").contains("partnerId").doesNotContain("\tat ");
    }

    @Test
    void a_corrupt_state_file_prints_a_clear_message_and_exits_2(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("state.json"), "{ this is not a snapshot");

        assertThat(run(server -> { }, "--port", "0", "--state-file", file.toString())).isEqualTo(2);

        assertThat(stderr()).startsWith("iduscore-mock: ").doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void a_partly_written_state_file_is_refused_whole_naming_the_file_and_the_problem(@TempDir Path dir) throws IOException {
        String whole = "{\"format\":\"iduscore-mock-state\",\"version\":1,\"savedAt\":\"2026-04-20T09:00:00Z\","
                + "\"submissions\":[],\"idempotencyKeys\":[],\"deliveries\":[]}";
        String truncated = whole.substring(0, whole.length() / 2);
        Path file = Files.writeString(dir.resolve("state.json"), truncated);

        assertThat(run(server -> { }, "--port", "0", "--state-file", file.toString())).isEqualTo(2);

        assertOneCleanLine("state.json");
        assertThat(stderr()).contains("not well-formed JSON");
        assertThat(file).as("left as it was, not overwritten").content().isEqualTo(truncated);
    }

    @Test
    void max_submissions_below_one_prints_one_line_and_exits_2() {
        assertThat(run(server -> { }, "--port", "0", "--max-submissions", "0")).isEqualTo(2);
        assertOneCleanLine("--max-submissions");
    }

    @Test
    void version_and_help_print_and_exit_0() {
        assertThat(run(server -> { }, "--version")).isZero();
        assertThat(stdout()).startsWith("iduscore-mock ");
        out.reset();
        assertThat(run(server -> { }, "--help")).isZero();
        assertThat(stdout()).contains("--port").contains("--bind").contains("--tenants").contains("--clock")
                .contains("--step-duration").contains("--sla").contains("--state-file")
                .contains("--webhook-header-prefix").contains("--admin-token").contains("--max-submissions");
    }

    private int run(java.util.function.Consumer<com.iduscore.mock.server.IduScoreMockServer> whileRunning, String... args) {
        return MockServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), whileRunning);
    }

    private void assertOneCleanLine(String mentioning) {
        assertThat(stderr().lines()).as("stderr").singleElement().asString()
                .startsWith("iduscore-mock: ")
                .contains(mentioning);
        assertThat(stdout()).as("stdout").isEmpty();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int get(String url) {
        return RestAssured.get(url).statusCode();
    }
}
