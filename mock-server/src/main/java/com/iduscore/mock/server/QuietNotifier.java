package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** WireMock's chatter goes to DEBUG; only its errors reach a person, at WARN. */
final class QuietNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger("com.iduscore.mock.wiremock");

    @Override
    public void info(String message) {
        LOG.debug(message);
    }

    @Override
    public void error(String message) {
        LOG.warn(message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.warn(message, t);
    }
}
