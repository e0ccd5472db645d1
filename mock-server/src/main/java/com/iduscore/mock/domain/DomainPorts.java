package com.iduscore.mock.domain;

import com.iduscore.mock.domain.artifact.ArtifactRenderer;
import com.iduscore.mock.domain.artifact.ArtifactUrlSigner;
import com.iduscore.mock.domain.webhook.WebhookSigner;
import com.iduscore.mock.domain.webhook.WebhookTransport;

import java.util.Objects;

/** What the domain needs from the outside world: sending and signing webhooks, signing and rendering artifacts. */
public record DomainPorts(WebhookTransport webhookTransport, WebhookSigner webhookSigner,
                          ArtifactUrlSigner urlSigner, ArtifactRenderer renderer) {

    public DomainPorts {
        Objects.requireNonNull(webhookTransport, "webhookTransport");
        Objects.requireNonNull(webhookSigner, "webhookSigner");
        Objects.requireNonNull(urlSigner, "urlSigner");
        Objects.requireNonNull(renderer, "renderer");
    }
}
