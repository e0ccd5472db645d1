package com.iduscore.mock.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.Map;

/** Converts between WireMock's request/response types and the adapter's own, in one place. */
public final class WireMockReplies {

    private WireMockReplies() {
    }

    /** The reply as a WireMock response; {@code delayMs > 0} makes WireMock hold it back that long. */
    public static ResponseDefinition toDefinition(HttpReply reply, long delayMs) {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(reply.status());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (reply.hasBody()) {
            builder.withBody(reply.body());
        }
        if (delayMs > 0) {
            builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delayMs));
        }
        return builder.build();
    }

    public static IncomingRequest toIncoming(Request request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        String path = pathOf(url);
        String query = question < 0 ? null : url.substring(question + 1);
        byte[] body = request.getBody();
        return new IncomingRequest(request.getMethod().value(), path, query, request::getHeader,
                body == null ? new byte[0] : body, baseUrl(request));
    }

    /** The URL without its query string. */
    static String pathOf(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    /** Scheme and Host the client used, so links in a response work from where the client stands. */
    static String baseUrl(Request request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getHost() + ":" + request.getPort();
        }
        return request.getScheme() + "://" + host;
    }
}
