/**
 * The check catalogue: one class per group of the contract, each check a JUnit test with a stable id that runs unchanged
 * against the stub, a container or a real deployment (public API only; time moves through {@code Target.advance} and
 * {@code Target.pollUntil}).
 *
 * <table>
 *   <caption>Groups</caption>
 *   <tr><th>Ids</th><th>Class</th><th>What the deployment must do</th></tr>
 *   <tr><td>PLAT-01..06, DRIFT-01</td><td>{@link com.iduscore.contract.checks.PlatformChecks}</td><td>health, readiness, the
 *       published document and its drift from the pinned one (CONTRACT.md D10)</td></tr>
 *   <tr><td>AUTH-01..12</td><td>{@link com.iduscore.contract.checks.AuthChecks}</td><td>keys as X-Api-Key or Bearer, 401, inactive
 *       tenant 403, the probe (CONTRACT.md D4, D6, D10)</td></tr>
 *   <tr><td>HDR-01..11</td><td>{@link com.iduscore.contract.checks.WriteHeaderChecks}</td><td>write headers, 415, 413, malformed
 *       JSON, and the CONTRACT.md D4 check order</td></tr>
 *   <tr><td>VAL-01..05, VAL-FIX-name, VAL-GEN-path-kind</td><td>{@link com.iduscore.contract.checks.ValidationChecks}</td><td>the
 *       canonical body (CONTRACT.md D11): positive controls, the named fixture variants, and one generated variant per schema rule
 *       ({@link com.iduscore.contract.checks.support.NegativeVariants})</td></tr>
 *   <tr><td>PID-01..04</td><td>{@link com.iduscore.contract.checks.PartnerIdChecks}</td><td>partnerId is the key's (403)</td></tr>
 *   <tr><td>PANEL-01..07</td><td>{@link com.iduscore.contract.checks.MarkerPanelChecks}</td><td>the 14-marker panel
 *       (SUBMISSION_VALIDATION_ERROR)</td></tr>
 *   <tr><td>IDEM-01..10</td><td>{@link com.iduscore.contract.checks.IdempotencyChecks}</td><td>replay, canonical JSON, 409, 4xx not
 *       stored, concurrency, per-credential keys, the 24-hour window (CONTRACT.md D5)</td></tr>
 *   <tr><td>ISO-01..09</td><td>{@link com.iduscore.contract.checks.IsolationChecks}</td><td>other tenant 404 like an unknown id,
 *       other credential 403, bad UUID 400 (CONTRACT.md D6)</td></tr>
 *   <tr><td>LIFE-01..17</td><td>{@link com.iduscore.contract.checks.LifecycleChecks}</td><td>one submission followed to the end:
 *       statuses, jobs, timestamps, attempts, SLA, labels (CONTRACT.md D2, D3, D7); rules in
 *       {@link com.iduscore.contract.checks.support.Lifecycle}</td></tr>
 *   <tr><td>LIFE-20..24</td><td>{@link com.iduscore.contract.checks.ScenarioChecks}</td><td>the mock's scenario triggers (dead
 *       letter, retry, rejection, partial); skipped on a real deployment</td></tr>
 *   <tr><td>RES-01..09</td><td>{@link com.iduscore.contract.checks.ResultChecks}</td><td>outcomes, order, determinism, tiers
 *       (CONTRACT.md D8)</td></tr>
 *   <tr><td>ART-02..07, 09..11</td><td>{@link com.iduscore.contract.checks.ArtifactChecks}</td><td>signed download URLs and the
 *       files behind them (CONTRACT.md D8)</td></tr>
 *   <tr><td>HOOK-01..09</td><td>{@link com.iduscore.contract.checks.WebhookChecks}</td><td>the signed result.ready webhook and its
 *       retries (CONTRACT.md D9); needs a receiver</td></tr>
 *   <tr><td>ERR-01..07</td><td>{@link com.iduscore.contract.checks.ErrorEnvelopeChecks}</td><td>the envelope, requestId,
 *       correlationId (CONTRACT.md D4, D10)</td></tr>
 *   <tr><td>CORS-01..06</td><td>{@link com.iduscore.contract.checks.CorsChecks}</td><td>preflight on every /v1 path (CONTRACT.md D10)</td></tr>
 *   <tr><td>ROUTE-01..07</td><td>{@link com.iduscore.contract.checks.RoutingChecks}</td><td>404 unknown route, 405 with Allow</td></tr>
 *   <tr><td>ART-01, ART-08, IDEM-08, LIFE-23</td><td>{@link com.iduscore.contract.checks.ClockJumpChecks}</td><td>checks that need
 *       the clock to themselves (hour-long jumps, a short-lived state)</td></tr>
 * </table>
 *
 * <p>Conventions. Method names read as sentences; a check asserts the behaviour its title names, precisely enough that
 * a deviation fails it (every check was seen failing against a mock with the deviation planted). An input a check
 * needs but the target lacks (a second credential, an inactive key, a webhook receiver, the manual clock) skips it with
 * the reason, never passes it. Checks that POST a submission are {@code writes = true} (the default). Classes that poll
 * hold {@code Locks.CLOCK} for reading; {@code ClockJumpChecks} holds it exclusively. A class shares one followed
 * submission between its checks through {@link com.iduscore.contract.checks.support.Once} where that weakens no check.
 * Responses are validated against the pinned OpenAPI document by the framework's filter; the checks assert behaviour.
 */
package com.iduscore.contract.checks;
