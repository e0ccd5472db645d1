/**
 * The suite's self-test: proof that the checks can fail.
 *
 * <p>{@link com.iduscore.contract.selftest.PlantedDeviationSelfTest} starts the mock (real clock, 20 ms steps) behind a
 * {@link com.iduscore.contract.selftest.DeviationProxy} and runs, in this JVM, first every targeted check with nothing
 * planted (the control: they must pass), then each {@link com.iduscore.contract.selftest.Deviation} of
 * {@link com.iduscore.contract.selftest.Deviations} with only the check meant to catch it, which must fail on an
 * assertion. The verdict goes to {@code reports/latest/selftest.json} and the console
 * ({@code Self-test: M of N planted deviations caught}).
 *
 * <p>Run it alone: {@code mvn -B -pl contract-tests -am test -Dtest='com.iduscore.contract.selftest.**'
 * -Dsurefire.failIfNoSpecifiedTests=false} (needs {@code mock-server/target/iduscore-mock-server.jar}, or
 * {@code IDUSCORE_MOCK_JAR}). It is not a conformance check and never appears in the conformance report.
 *
 * <p>To plant a new deviation: add a {@link com.iduscore.contract.selftest.PlantedDeviation} to
 * {@link com.iduscore.contract.selftest.Deviations#all}, naming the check id that must catch it; the control run picks
 * the check up by itself.
 */
package com.iduscore.contract.selftest;
