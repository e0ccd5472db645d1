package com.iduscore.contract.junit;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a conformance check (it is a JUnit {@link Test} itself, so no {@code @Test} is needed) with a stable
 * id the report, the baseline and people refer to.
 *
 * <pre>{@code
 * @Check(id = "IDEM-03", title = "Same key and other body answers 409 IDEMPOTENCY_CONFLICT", operation = "POST /v1/submissions",
 *        rule = "CONTRACT.md D5")
 * void same_key_other_body_conflicts(Target target) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
public @interface Check {

    /** Stable id, {@code GROUP-NN} (e.g. {@code IDEM-03}); the group (before the dash) groups the report. Never reuse one. */
    String id();

    /** What the deployment must do, as a sentence a partner understands. */
    String title();

    /** The operation under test, e.g. {@code POST /v1/submissions} or {@code webhook result.ready}. */
    String operation();

    /**
     * Whether the check creates anything (POSTs a submission, even as set-up). Most checks need a submission, so the
     * default is true; a check that only reads says {@code writes = false}. With {@code IDUSCORE_READ_ONLY=true}
     * writing checks are skipped, and a check declared read-only that tries to POST a submission fails.
     */
    boolean writes() default true;

    /**
     * The rule the check enforces, as a reader finds it: a {@code CONTRACT.md} id ({@code CONTRACT.md D5}, {@code CONTRACT.md D4.2}) or a place
     * in the OpenAPI document ({@code openapi #/components/schemas/PartnerJobSummary}), several joined by {@code "; "}.
     * Written to the report as {@code "rule"}. Every catalogue check names one (the self-test asserts it).
     */
    String rule() default "";
}
