package com.iduscore.mock.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TenantsFileTest {
    private static final String PARTNER_1 = "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a";
    private static final String PARTNER_2 = "1c8d3a5f-9b2e-4d4c-8f6a-7b8c9d0e1f2b";

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    /** The exception {@code load} throws for this file content; fails the test when it loads. */
    private InvalidConfigException refusal(String json) throws IOException {
        Path file = write(json);
        InvalidConfigException refusal = catchThrowableOfType(InvalidConfigException.class, () -> TenantsFile.load(file));
        assertThat(refusal).as("expected the tenants file to be refused:%n%s", json).isNotNull();
        assertThat(refusal.getMessage()).startsWith("Invalid tenants file " + file);
        assertThat(refusal.source()).isEqualTo(file.toString());
        return refusal;
    }

    private static String tenant(String tenantId, String... credentials) {
        return "{\"tenantId\":\"" + tenantId + "\",\"active\":true,\"webhook\":null,\"rateLimitPerMinute\":null,"
                + "\"credentials\":[" + String.join(",", credentials) + "]}";
    }

    private static String credential(String partnerId, String apiKey) {
        return "{\"partnerId\":\"" + partnerId + "\",\"apiKey\":\"" + apiKey + "\"}";
    }

    private static String file(String... tenants) {
        return "{\"tenants\":[" + String.join(",", tenants) + "]}";
    }

    @Nested
    class The_built_in_demo {
        @Test
        void declares_the_three_demo_tenants_of_the_brief() {
            List<TenantConfig> tenants = TenantsFile.builtInDemo();

            assertThat(tenants).containsExactly(
                    new TenantConfig("demo-a", true, null, null, List.of(
                            new CredentialConfig("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a", "idu_demo_a1"),
                            new CredentialConfig("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e2a", "idu_demo_a2"))),
                    new TenantConfig("demo-b", true, null, null, List.of(
                            new CredentialConfig("1c8d3a5f-9b2e-4d4c-8f6a-7b8c9d0e1f2b", "idu_demo_b1"))),
                    new TenantConfig("demo-inactive", false, null, null, List.of(
                            new CredentialConfig("2d9e4b6a-0c3f-4e5d-9a7b-8c9d0e1f2a3c", "idu_demo_inactive"))));
        }

        @Test
        void is_the_fixtures_file_itself() {
            assertThat(TenantsFile.load(Path.of("..", "fixtures", "tenants.json"))).isEqualTo(TenantsFile.builtInDemo());
        }
    }

    @Nested
    class The_schema {
        @Test
        void is_a_json_schema_resource_file_next_to_the_code() throws IOException {
            try (InputStream in = TenantsFile.class.getClassLoader().getResourceAsStream(TenantsFile.SCHEMA_RESOURCE)) {
                assertThat(in).as(TenantsFile.SCHEMA_RESOURCE).isNotNull();
                JsonNode schema = new ObjectMapper().readTree(in);
                assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
                assertThat(schema.path("required").toString()).isEqualTo("[\"tenants\"]");
            }
        }
    }

    @Nested
    class A_valid_file {
        @Test
        void loads_webhook_rate_limit_and_credentials() throws IOException {
            Path file = write("""
                    {"tenants": [{
                      "tenantId": "acme",
                      "active": true,
                      "webhook": {"url": "https://hooks.example.test/iduscore", "secret": "whsec_1", "apiKey": "hook-key"},
                      "rateLimitPerMinute": 60,
                      "credentials": [{"partnerId": "%s", "apiKey": "acme_key_1"}]
                    }]}
                    """.formatted(PARTNER_1));

            assertThat(TenantsFile.load(file)).containsExactly(new TenantConfig("acme", true,
                    new WebhookConfig("https://hooks.example.test/iduscore", "whsec_1", "hook-key"), 60,
                    List.of(new CredentialConfig(PARTNER_1, "acme_key_1"))));
        }

        @Test
        void defaults_active_to_true_and_webhook_and_rate_limit_to_none() throws IOException {
            Path file = write("{\"tenants\":[{\"tenantId\":\"t\",\"credentials\":[" + credential(PARTNER_1, "k") + "]}]}");

            assertThat(TenantsFile.load(file)).containsExactly(
                    new TenantConfig("t", true, null, null, List.of(new CredentialConfig(PARTNER_1, "k"))));
        }

        @Test
        void accepts_a_webhook_without_api_key_over_plain_http() throws IOException {
            Path file = write(file("{\"tenantId\":\"t\",\"webhook\":{\"url\":\"http://127.0.0.1:9999/hook\","
                    + "\"secret\":\"s\"},\"credentials\":[" + credential(PARTNER_1, "k") + "]}"));

            assertThat(TenantsFile.load(file).get(0).webhook())
                    .isEqualTo(new WebhookConfig("http://127.0.0.1:9999/hook", "s", null));
        }

        @Test
        void accepts_a_webhook_whose_api_key_is_null() throws IOException {
            Path file = write(file("{\"tenantId\":\"t\",\"webhook\":{\"url\":\"http://127.0.0.1:9999/hook\","
                    + "\"secret\":\"s\",\"apiKey\":null},\"credentials\":[" + credential(PARTNER_1, "k") + "]}"));

            assertThat(TenantsFile.load(file).get(0).webhook())
                    .isEqualTo(new WebhookConfig("http://127.0.0.1:9999/hook", "s", null));
        }

        @Test
        void normalises_partner_ids_to_lowercase() throws IOException {
            Path file = write(file(tenant("t", credential(PARTNER_1.toUpperCase(), "k"))));

            assertThat(TenantsFile.load(file).get(0).credentials().get(0).partnerId()).isEqualTo(PARTNER_1);
        }
    }

    @Nested
    class A_refused_file {
        @Test
        void names_a_partner_id_that_is_not_a_uuid_by_its_path() throws IOException {
            InvalidConfigException refusal = refusal(file(
                    tenant("a", credential(PARTNER_1, "k1")),
                    tenant("b", credential("not-a-uuid", "k2"))));

            assertThat(refusal.problems()).containsExactly("tenants[1].credentials[0].partnerId is not a UUID: \"not-a-uuid\"");
            assertThat(refusal.getMessage()).contains("tenants[1].credentials[0].partnerId is not a UUID");
        }

        @Test
        void names_unknown_keys_at_every_level() throws IOException {
            InvalidConfigException refusal = refusal("""
                    {"tenants": [{"tenantId": "t", "enabled": true,
                      "webhook": {"url": "https://x.test/h", "secret": "s", "header": "X"},
                      "credentials": [{"partnerId": "%s", "apiKey": "k", "role": "admin"}]}],
                     "version": 2}
                    """.formatted(PARTNER_1));

            assertThat(refusal.problems()).containsExactlyInAnyOrder(
                    "version is not a known key (expected one of tenants)",
                    "tenants[0].enabled is not a known key (expected one of active, credentials, rateLimitPerMinute, "
                            + "tenantId, webhook)",
                    "tenants[0].webhook.header is not a known key (expected one of apiKey, secret, url)",
                    "tenants[0].credentials[0].role is not a known key (expected one of apiKey, partnerId)");
        }

        @Test
        void reports_a_missing_tenant_id() throws IOException {
            InvalidConfigException refusal = refusal("{\"tenants\":[{\"credentials\":[" + credential(PARTNER_1, "k") + "]}]}");

            assertThat(refusal.problems()).containsExactly("tenants[0].tenantId is missing");
        }

        @Test
        void reports_a_blank_tenant_id() throws IOException {
            assertThat(refusal(file(tenant(" ", credential(PARTNER_1, "k")))).problems())
                    .containsExactly("tenants[0].tenantId must not be empty");
        }

        @Test
        void reports_a_duplicate_tenant_id() throws IOException {
            InvalidConfigException refusal = refusal(file(
                    tenant("same", credential(PARTNER_1, "k1")),
                    tenant("same", credential(PARTNER_2, "k2"))));

            assertThat(refusal.problems()).containsExactly("tenants[1].tenantId \"same\" is a duplicate of tenants[0].tenantId");
        }

        @Test
        void reports_an_api_key_used_by_two_tenants_without_printing_it() throws IOException {
            InvalidConfigException refusal = refusal(file(
                    tenant("a", credential(PARTNER_1, "sup3r-s3cret")),
                    tenant("b", credential(PARTNER_2, "sup3r-s3cret"))));

            assertThat(refusal.problems())
                    .containsExactly("tenants[1].credentials[0].apiKey is a duplicate of tenants[0].credentials[0].apiKey");
            assertThat(refusal.getMessage()).doesNotContain("sup3r-s3cret");
        }

        @Test
        void reports_a_duplicate_partner_id_whatever_its_case() throws IOException {
            InvalidConfigException refusal = refusal(file(
                    tenant("a", credential(PARTNER_1, "k1"), credential(PARTNER_1.toUpperCase(), "k2"))));

            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].credentials[1].partnerId " + PARTNER_1 + " is a duplicate of tenants[0].credentials[0].partnerId");
        }

        @Test
        void reports_empty_and_missing_credentials() throws IOException {
            InvalidConfigException refusal = refusal(file(
                    "{\"tenantId\":\"a\",\"credentials\":[]}",
                    "{\"tenantId\":\"b\"}"));

            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].credentials is empty: a tenant needs at least one {\"partnerId\", \"apiKey\"}",
                    "tenants[1].credentials is missing: a tenant needs at least one {\"partnerId\", \"apiKey\"}");
        }

        @Test
        void reports_a_credential_without_api_key() throws IOException {
            assertThat(refusal(file("{\"tenantId\":\"a\",\"credentials\":[{\"partnerId\":\"" + PARTNER_1 + "\"}]}"))
                    .problems()).containsExactly("tenants[0].credentials[0].apiKey is missing");
        }

        @Test
        void does_not_print_a_bare_api_key_given_instead_of_a_credential() throws IOException {
            InvalidConfigException refusal = refusal(file("{\"tenantId\":\"a\",\"credentials\":[\"idu_live_key\"]}"));

            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].credentials[0] must be an object {\"partnerId\", \"apiKey\"}, was a string");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://hooks.example.test/h", "/relative/hook", "hooks.example.test/h", "https://", "not a url"})
        void reports_a_webhook_url_that_is_not_http(String url) throws IOException {
            InvalidConfigException refusal = refusal(file("{\"tenantId\":\"a\",\"webhook\":{\"url\":\"" + url
                    + "\",\"secret\":\"s\"},\"credentials\":[" + credential(PARTNER_1, "k") + "]}"));

            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].webhook.url must be an absolute http:// or https:// URL, was \"" + url + "\"");
        }

        @Test
        void reports_a_webhook_without_secret() throws IOException {
            InvalidConfigException refusal = refusal(file("{\"tenantId\":\"a\",\"webhook\":{\"url\":\"https://h.test/\"},"
                    + "\"credentials\":[" + credential(PARTNER_1, "k") + "]}"));

            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].webhook.secret is missing: a webhook needs a signing secret for X-Idunox-Signature");
        }

        @Test
        void reports_an_empty_webhook_secret() throws IOException {
            assertThat(refusal(file("{\"tenantId\":\"a\",\"webhook\":{\"url\":\"https://h.test/\",\"secret\":\"\"},"
                    + "\"credentials\":[" + credential(PARTNER_1, "k") + "]}")).problems())
                    .containsExactly("tenants[0].webhook.secret must not be empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5"})
        void reports_a_rate_limit_below_one(String limit) throws IOException {
            InvalidConfigException refusal = refusal(file("{\"tenantId\":\"a\",\"rateLimitPerMinute\":" + limit
                    + ",\"credentials\":[" + credential(PARTNER_1, "k") + "]}"));

            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].rateLimitPerMinute must be at least 1 (use null for no limit), was " + limit);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "\"60\"", "99999999999"})
        void reports_a_rate_limit_that_is_not_a_whole_number(String limit) throws IOException {
            InvalidConfigException refusal = refusal(file("{\"tenantId\":\"a\",\"rateLimitPerMinute\":" + limit
                    + ",\"credentials\":[" + credential(PARTNER_1, "k") + "]}"));

            assertThat(refusal.problems()).singleElement().asString()
                    .startsWith("tenants[0].rateLimitPerMinute must be a whole number of requests per minute or null, was ");
        }

        @Test
        void reports_a_non_boolean_active_flag() throws IOException {
            assertThat(refusal(file("{\"tenantId\":\"a\",\"active\":\"yes\",\"credentials\":["
                    + credential(PARTNER_1, "k") + "]}")).problems())
                    .containsExactly("tenants[0].active must be true or false, was a string \"yes\"");
        }

        @Test
        void reports_every_problem_at_once() throws IOException {
            InvalidConfigException refusal = refusal(file(
                    "{\"credentials\":[" + credential("x", "k") + "]}",
                    "{\"tenantId\":\"b\",\"rateLimitPerMinute\":0,\"credentials\":[]}"));

            // in path order
            assertThat(refusal.problems()).containsExactly(
                    "tenants[0].credentials[0].partnerId is not a UUID: \"x\"",
                    "tenants[0].tenantId is missing",
                    "tenants[1].credentials is empty: a tenant needs at least one {\"partnerId\", \"apiKey\"}",
                    "tenants[1].rateLimitPerMinute must be at least 1 (use null for no limit), was 0");
            assertThat(refusal.getMessage()).contains("4 problems", System.lineSeparator() + "  - tenants[0].tenantId is missing");
        }

        @Test
        void reports_malformed_json_with_line_and_column() throws IOException {
            InvalidConfigException refusal = refusal("{\"tenants\": [\n  {\"tenantId\": \"a\",,}\n]}");

            assertThat(refusal.problems()).singleElement().asString()
                    .startsWith("malformed JSON at line 2, column 20: ");
        }

        @Test
        void reports_a_key_given_twice_in_one_object() throws IOException {
            InvalidConfigException refusal = refusal("{\"tenants\":[{\"tenantId\":\"a\",\"tenantId\":\"b\"}]}");

            assertThat(refusal.problems()).singleElement().asString()
                    .startsWith("malformed JSON at line 1, column ").endsWith("the key \"tenantId\" appears twice in one object");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                unclosed object      | {"tenants": [{"tenantId": "a"                | line 1, column 30: the file ends in the middle of a value
                extra comma          | {"tenants": [],}                             | line 1, column 16: unexpected character '}' where double-quote to start field name was expected
                single quotes        | {'tenants': []}                              | line 1, column 2: unexpected character ''' where double-quote to start field name was expected
                bare word            | {"tenants": [{"tenantId": demo}]}            | line 1, column 32: unexpected word 'demo'
                text after the value | {"tenants": []} x                            | line 1, column 18: unexpected word 'x'
                """)
        void describes_malformed_json_in_one_plain_line_without_parser_internals(String what, String json, String expected)
                throws IOException {
            InvalidConfigException refusal = refusal(json);

            assertThat(refusal.problems()).singleElement().asString().startsWith("malformed JSON at " + expected);
            assertThat(refusal.getMessage()).doesNotContain("\n", "\r", "StreamReadFeature", "Source:", "code ",
                    "com.fasterxml", "Jackson", "REDACTED");
        }

        @Test
        void reports_null_where_a_string_is_required() throws IOException {
            assertThat(refusal(file("{\"tenantId\":null,\"credentials\":[" + credential(PARTNER_1, "k") + "]}")).problems())
                    .containsExactly("tenants[0].tenantId must be a string, was null");
        }

        @Test
        void reports_a_tenant_that_is_not_an_object() throws IOException {
            assertThat(refusal("{\"tenants\":[\"demo-a\"]}").problems())
                    .containsExactly("tenants[0] must be an object, was a string \"demo-a\"");
        }

        @Test
        void does_not_print_an_api_key_given_as_a_number() throws IOException {
            InvalidConfigException refusal = refusal(file("{\"tenantId\":\"a\",\"credentials\":[{\"partnerId\":\""
                    + PARTNER_1 + "\",\"apiKey\":123456789}]}"));

            assertThat(refusal.problems()).containsExactly("tenants[0].credentials[0].apiKey must be a string, was a number");
            assertThat(refusal.getMessage()).doesNotContain("123456789");
        }

        @Test
        void reports_an_empty_file() throws IOException {
            assertThat(refusal("").problems()).containsExactly("the file is empty; expected {\"tenants\": [...]}");
        }

        @Test
        void reports_a_top_level_that_is_not_the_tenants_object() throws IOException {
            assertThat(refusal("[]").problems()).containsExactly(
                    "the top level must be an object {\"tenants\": [...]}, was an array []");
            assertThat(refusal("{}").problems()).containsExactly("tenants is missing");
            assertThat(refusal("{\"tenants\":[]}").problems()).containsExactly("tenants is empty; declare at least one tenant");
        }

        @Test
        void reports_a_file_that_does_not_exist() {
            Path missing = dir.resolve("nope.json");

            InvalidConfigException refusal = catchThrowableOfType(InvalidConfigException.class, () -> TenantsFile.load(missing));

            assertThat(refusal.getMessage())
                    .isEqualTo("Invalid tenants file " + missing + ": cannot read the file: it does not exist");
        }

        @Test
        void reports_a_directory_given_as_the_file() {
            InvalidConfigException refusal = catchThrowableOfType(InvalidConfigException.class, () -> TenantsFile.load(dir));

            assertThat(refusal.getMessage()).isEqualTo("Invalid tenants file " + dir + ": cannot read the file: it is a directory");
        }
    }
}
