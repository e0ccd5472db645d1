package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;

import java.io.IOException;
import java.util.List;

/**
 * The mock answers every request itself and never proxies, so WireMock's proxy client is not built: the Apache
 * client and its TLS set-up cost about half a second of CPU at start-up, for nothing.
 */
final class NoProxying implements HttpClientFactory {

    @Override
    public HttpClient buildHttpClient(Options options, boolean trustAllCertificates, List<String> trustedHosts,
                                      boolean useSystemProperties) {
        return request -> {
            throw new IOException("The IduScore mock does not proxy requests");
        };
    }
}
