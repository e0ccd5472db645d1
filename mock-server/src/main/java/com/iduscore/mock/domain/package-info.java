/**
 * The mock IduScore service in plain Java: no HTTP, no WireMock. {@link com.iduscore.mock.domain.IduScoreService}
 * is the facade ({@link com.iduscore.mock.domain.PartnerApi} for partners, {@link com.iduscore.mock.domain.MockControl}
 * for the admin API); {@link com.iduscore.mock.domain.DomainSettings} and {@link com.iduscore.mock.domain.DomainPorts}
 * are what it is built from.
 *
 * <p>Where things live:
 * <ul>
 *   <li>{@code tenant}: tenants, credentials (keys as SHA-256 hashes), authentication (CONTRACT.md D6);</li>
 *   <li>{@code submission}: an accepted submission, its status, the 14-marker panel, the store by id (CONTRACT.md D3, D11);</li>
 *   <li>{@code pipeline}: the seven jobs, their timing and retries, scenario triggers, the ticker (CONTRACT.md D7);</li>
 *   <li>{@code idempotency}: canonical JSON fingerprints and the per-credential key store (CONTRACT.md D5);</li>
 *   <li>{@code result}: outcome areas, deterministic scores, outcome summaries, the result row (CONTRACT.md D8);</li>
 *   <li>{@code artifact}: report files and the signing/rendering ports (CONTRACT.md D8);</li>
 *   <li>{@code webhook}: the {@code result.ready} body, delivery on its own threads, the delivery log (CONTRACT.md D9);</li>
 *   <li>{@code state}: the snapshot format and the state file;</li>
 *   <li>{@code clock}: manual and system clocks; {@code error}: the API's refusals; {@code view}: JSON-shaped answers.</li>
 * </ul>
 */
package com.iduscore.mock.domain;
