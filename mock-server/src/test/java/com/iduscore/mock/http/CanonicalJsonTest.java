package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void sorts_keys_at_every_level_and_drops_white_space() throws Exception {
        assertThat(CanonicalJson.canonical(parse("{ \"b\": [ {\"z\":1, \"a\":2} ], \"a\" : null }")))
                .isEqualTo("{\"a\":null,\"b\":[{\"a\":2,\"z\":1}]}");
    }

    @Test
    void writes_a_number_by_its_value_not_its_spelling() throws Exception {
        assertThat(CanonicalJson.canonical(parse("[1, 1.0, 1e0, 10, 1.50, 0.0, -0]")))
                .isEqualTo("[1,1,1,10,1.5,0,0]");
    }

    @Test
    void keeps_array_order_and_string_content_significant() throws Exception {
        assertThat(CanonicalJson.fingerprint(parse("[1,2]"))).isNotEqualTo(CanonicalJson.fingerprint(parse("[2,1]")));
        assertThat(CanonicalJson.fingerprint(parse("{\"a\":\"x\"}")))
                .isNotEqualTo(CanonicalJson.fingerprint(parse("{\"a\":\"x \"}")));
        assertThat(CanonicalJson.canonical(parse("{\"s\":\"µ\\n\\\"\"}"))).isEqualTo("{\"s\":\"µ\\n\\\"\"}");
    }

    @Test
    void fingerprints_as_lower_case_hex_sha_256() throws Exception {
        assertThat(CanonicalJson.fingerprint(parse("{}")))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }
}
