package com.iduscore.contract.framework;

import com.iduscore.contract.report.Coverage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage against the pinned OpenAPI document: declared sets come from the document, seen sets from requests. */
class CoverageTest {

    @Test
    void counts_a_templated_path_as_its_operation_and_each_status_once() {
        Coverage coverage = new Coverage();
        coverage.observe("GET", "http://127.0.0.1:1/v1/jobs/6f1c2d3e-0000-4000-8000-000000000001", 404, null);
        coverage.observe("GET", "http://127.0.0.1:1/v1/jobs/6f1c2d3e-0000-4000-8000-000000000002", 404, null);
        coverage.observe("GET", "http://127.0.0.1:1/__admin/iduscore/clock", 200, null);   // not in the document

        Coverage.Report report = coverage.report();

        assertThat(report.operations().seen()).isEqualTo(1);
        assertThat(report.operations().declared()).isGreaterThan(10);
        assertThat(report.operations().notSeen()).contains("POST /v1/submissions").doesNotContain("GET /v1/jobs/{jobId}")
                .noneMatch(op -> op.contains("/_reference/"));
        assertThat(report.responseCodes().notSeen()).doesNotContain("GET /v1/jobs/{jobId} 404")
                .contains("GET /v1/jobs/{jobId} 200");
        assertThat(report.responseCodes().seen()).isEqualTo(1);
    }

    @Test
    void counts_the_declared_request_body_fields_a_submission_sent_nested_and_in_arrays() {
        Coverage coverage = new Coverage();
        coverage.observe("POST", "http://h/v1/submissions", 202,
                "{\"partnerSubmissionId\":\"x\",\"notDeclared\":1,\"markers\":[{\"code\":\"A\"}]}");

        Coverage.Report report = coverage.report();

        assertThat(report.requestFields().declared()).isGreaterThan(5);
        assertThat(report.requestFields().notSeen()).doesNotContain("POST /v1/submissions partnerSubmissionId")
                .noneMatch(f -> f.endsWith(" notDeclared"));
        assertThat(report.requestFields().seen()).isBetween(1, 3);
    }

    @Test
    void a_body_that_is_not_json_counts_no_field_but_still_the_status() {
        Coverage coverage = new Coverage();
        coverage.observe("POST", "http://h/v1/submissions", 400, "{not json");

        assertThat(coverage.report().requestFields().seen()).isZero();
        assertThat(coverage.report().responseCodes().notSeen()).doesNotContain("POST /v1/submissions 400");
    }
}
