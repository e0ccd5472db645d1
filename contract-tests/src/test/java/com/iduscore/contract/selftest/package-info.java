/**
 * The suite's self-test, proven both ways: the checks can fail, and they do not fail a deployment that keeps the
 * contract.
 *
 * <p>{@link com.iduscore.contract.selftest.PlantedDeviationSelfTest} starts the mock (real clock, 20 ms steps) behind a
 * {@link com.iduscore.contract.selftest.DeviationProxy} and runs, in this JVM:
 * <ul>
 *   <li><b>planted deviations</b> ({@link com.iduscore.contract.selftest.Deviations},
 *   {@link com.iduscore.contract.selftest.CheckDeviations}): first every targeted check with nothing planted (the
 *   control: they must pass), then each breach with only the check meant to catch it, which must fail on an
 *   assertion;</li>
 *   <li><b>planted legal variations</b> ({@link com.iduscore.contract.selftest.LegalVariations}): choices the contract
 *   leaves open (CONTRACT.md O1–O12) made differently from the mock, each applied alone with the check classes it could
 *   confuse ({@link com.iduscore.contract.selftest.LegalVariation.Scope}); no check may fail.</li>
 * </ul>
 * The verdict goes to {@code reports/latest/selftest.json}, {@code reports/latest/selftest.html} and the console
 * ({@code Self-test: deviations caught M/N …; legal variations passed K/L …}).
 *
 * <p>Run it alone: {@code mvn -B -pl contract-tests -am verify -Dtest='com.iduscore.contract.selftest.**'
 * -Dsurefire.failIfNoSpecifiedTests=false} (needs {@code mock-server/target/iduscore-mock-server.jar}, or
 * {@code IDUSCORE_MOCK_JAR}); {@code -Diduscore.selftest.only=name,name} runs only the named deviations and variations,
 * {@code -Diduscore.selftest.timing=true} prints each nested run's time. It is not a conformance check and never
 * appears in the conformance report.
 *
 * <p>To plant a new deviation: add a {@link com.iduscore.contract.selftest.PlantedDeviation} to
 * {@link com.iduscore.contract.selftest.CheckDeviations#all}, naming the check id that must catch it; the control run
 * picks the check up by itself. To plant a legal variation: add a {@link com.iduscore.contract.selftest.LegalVariation}
 * to {@link com.iduscore.contract.selftest.LegalVariations#all} with the open choice it exercises and its scope.
 */
package com.iduscore.contract.selftest;
