package com.iduscore.contract.checks;

import com.iduscore.contract.api.Api;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS: a browser's preflight {@code OPTIONS} on any {@code /v1} path needs no key and answers 204 with the CONTRACT.md D10
 * headers: the allowed origin, methods {@code GET, POST, OPTIONS}, the request headers a partner sends, and the
 * response headers a script may read.
 */
@ConformanceTest
class CorsChecks {

    /** CONTRACT.md D10: the request headers a browser client sends. */
    private static final List<String> ALLOW_HEADERS = List.of(
            "Authorization", "X-Api-Key", "Content-Type", "Idempotency-Key", "x-correlation-id", "x-request-id");
    /** CONTRACT.md D10: the response headers a script may read. */
    private static final List<String> EXPOSE_HEADERS = List.of("x-request-id", "Idempotent-Replayed", "Retry-After");

    @TestFactory
    Stream<DynamicTest> every_v1_path_answers_the_preflight_without_a_key() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                new String[]{"CORS-01", "/v1/partner-auth-probe"},
                new String[]{"CORS-02", "/v1/submissions"},
                new String[]{"CORS-03", "/v1/submissions/" + id},
                new String[]{"CORS-04", "/v1/jobs/" + id},
                new String[]{"CORS-05", "/v1/results/" + id},
                new String[]{"CORS-06", "/v1/submissions/not-a-uuid"}
        ).map(c -> Checks.dynamic(c[0], "CONTRACT.md D10 (CORS preflight); CONTRACT.md O3 (header names compared without case)", "OPTIONS " + c[1].replace(id, "{id}") + " without a key answers 204 with the CORS headers",
                "OPTIONS " + c[1].replace(id, "{id}"), false, () -> assertPreflight(c[1])));
    }

    private static void assertPreflight(String path) {
        Response response = Api.givenAnonymous()
                .header("Origin", "https://portal.partner.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, idempotency-key, x-correlation-id, x-api-key")
                .options(path);

        assertThat(response.statusCode()).as("status of OPTIONS %s; body: %s", path, response.asString()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin").isNotBlank();
        assertThat(tokens(response.header("Access-Control-Allow-Methods"))).as("Access-Control-Allow-Methods")
                .contains("GET", "POST", "OPTIONS");
        assertThat(tokens(response.header("Access-Control-Allow-Headers"))).as("Access-Control-Allow-Headers")
                .containsAll(upper(ALLOW_HEADERS));
        assertThat(tokens(response.header("Access-Control-Expose-Headers"))).as("Access-Control-Expose-Headers")
                .containsAll(upper(EXPOSE_HEADERS));
        String maxAge = response.header("Access-Control-Max-Age");
        assertThat(maxAge).as("Access-Control-Max-Age (seconds)").isNotNull().matches("[0-9]+");
    }

    private static Set<String> tokens(String header) {
        if (header == null) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static List<String> upper(List<String> names) {
        return names.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }
}
