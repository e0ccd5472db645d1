package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every target configured by {@link TargetSettings} answers the same way: its credentials, its bounds, its webhook
 * receiver and the secrets to mask. Subclasses add how time passes ({@link #advance}, {@link #pollUntil}) and what
 * they start and stop.
 */
abstract class ConfiguredTarget implements Target {

    private final TargetSettings settings;
    private final WebhookInbox inbox;

    /** @param inbox the receiver registered with the deployment, or null when there is none */
    ConfiguredTarget(TargetSettings settings, WebhookInbox inbox) {
        this.settings = settings;
        this.inbox = inbox;
    }

    final TargetSettings settings() {
        return settings;
    }

    @Override
    public Credential primary() {
        return settings.primary();
    }

    @Override
    public Optional<Credential> secondCredential() {
        return settings.secondCredential();
    }

    @Override
    public Optional<Credential> otherTenant() {
        return settings.otherTenant();
    }

    @Override
    public Optional<String> inactiveApiKey() {
        return settings.inactiveApiKey();
    }

    @Override
    public boolean readOnly() {
        return settings.readOnly();
    }

    @Override
    public Duration resultTimeout() {
        return settings.resultTimeout();
    }

    @Override
    public Optional<WebhookInbox> webhooks() {
        return Optional.ofNullable(inbox);
    }

    /** Every API key of the settings, and the receiver's signing secret and webhook key when there is a receiver. */
    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(settings.primary().apiKey());
        settings.secondCredential().ifPresent(c -> secrets.add(c.apiKey()));
        settings.otherTenant().ifPresent(c -> secrets.add(c.apiKey()));
        settings.inactiveApiKey().ifPresent(secrets::add);
        if (inbox != null) {
            secrets.add(inbox.secret());
            inbox.apiKey().ifPresent(secrets::add);
        }
        return secrets;
    }
}
