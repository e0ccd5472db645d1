package com.iduscore.contract.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of conformance checks: runs them against the run's target through {@link ConformanceExtension}
 * and tags them {@code conformance} (so {@code -Dgroups=conformance} selects only checks).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ConformanceExtension.class)
@Tag("conformance")
public @interface ConformanceTest {
}
