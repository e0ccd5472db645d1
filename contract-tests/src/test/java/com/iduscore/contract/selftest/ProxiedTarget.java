package com.iduscore.contract.selftest;

import com.iduscore.contract.target.DemoTenants;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetKind;
import com.iduscore.contract.target.TargetSettings;
import com.iduscore.contract.target.UrlTarget;
import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.Optional;

/**
 * The target of the self-test's nested runs: the {@link DeviationProxy} as a {@code url} deployment (public API only,
 * real time), with the demo tenants' credentials and the self-test's webhook inbox. Polls every 25 ms, since the mock
 * behind it finishes a pipeline in well under a second.
 *
 * <p>Closing it leaves the inbox open: each nested run's engine closes the shared target when it ends, but the proxy,
 * the mock and the inbox belong to the self-test, which closes them itself.
 */
final class ProxiedTarget {

    static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private ProxiedTarget() {
    }

    static Target of(String baseUrl, DemoTenants tenants, WebhookInbox inbox, Duration resultTimeout) {
        TargetSettings settings = new TargetSettings(TargetKind.URL, baseUrl, tenants.primary(), Optional.of(tenants.second()),
                Optional.of(tenants.otherTenant()), Optional.of(tenants.inactiveApiKey()), false, resultTimeout,
                Optional.empty(), Optional.empty(), Optional.empty(), inbox.headerPrefix(), "127.0.0.1",
                Optional.empty(), Optional.empty());
        return UrlTarget.over(settings, inbox, POLL_INTERVAL);
    }
}
