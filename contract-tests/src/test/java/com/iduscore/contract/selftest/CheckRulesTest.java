package com.iduscore.contract.selftest;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check of the catalogue names the rule it enforces, in a form a reader can look up. */
class CheckRulesTest {

    /** A CONTRACT.md id (CONTRACT.md D5, D4.2, O2) or a place in the OpenAPI document. */
    private static final Pattern CITATION = Pattern.compile("(^|[ (;])(D\\d+(\\.\\d+)?|O\\d+)\\b|OpenAPI ");

    @Test
    void every_check_names_a_contract_rule_or_an_openapi_place() {
        Map<String, String> rules = CheckCatalogue.scan().rules();

        assertThat(rules).as("checks in the catalogue").hasSizeGreaterThan(100);
        rules.forEach((id, rule) -> assertThat(rule)
                .as("rule of %s (a CONTRACT.md id such as CONTRACT.md D5 or O2, or OpenAPI #/…)", id)
                .containsPattern(CITATION));
    }
}
