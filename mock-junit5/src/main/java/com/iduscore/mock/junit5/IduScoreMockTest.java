package com.iduscore.mock.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the IduScore mock in-process for a test class, on 127.0.0.1 and a free port, and injects an
 * {@link IduScoreMock} into test, lifecycle and constructor parameters:
 *
 * <pre>{@code
 * @IduScoreMockTest
 * class MyClientTest {
 *     @Test
 *     void gets_a_result(IduScoreMock mock) {
 *         var client = new MyClient(mock.baseUrl(), mock.tenantA().apiKey());
 *         ...
 *         mock.settle();
 *         IduScoreAssertions.assertThat(mock.deliveries()).hasResultReadyFor(submissionId);
 *     }
 * }
 * }</pre>
 *
 * For a builder and {@code @RegisterExtension}, see {@link IduScoreMockExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(IduScoreMockExtension.class)
public @interface IduScoreMockTest {

    /** {@link Clock#MANUAL} (default): time moves only by {@link IduScoreMock#advance}; {@link Clock#REAL}: wall time. */
    Clock clock() default Clock.MANUAL;

    /** A tenants file (the mock's {@code --tenants} format); empty: the demo tenants. */
    String tenants() default "";

    /** One mock for the class, reset before each test (default), or a fresh mock per test method. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** Fail a test whose client sent a request the contract does not allow (after the test). */
    boolean validateRequests() default true;

    enum Clock { MANUAL, REAL }

    enum Lifecycle { PER_CLASS, PER_METHOD }
}
