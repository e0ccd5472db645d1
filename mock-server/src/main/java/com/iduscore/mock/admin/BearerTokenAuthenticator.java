package com.iduscore.mock.admin;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.security.Authenticator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Admits an admin request only with {@code Authorization: Bearer <token>}; compared in constant time. */
public final class BearerTokenAuthenticator implements Authenticator {
    private final byte[] expected;

    public BearerTokenAuthenticator(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The admin token must not be empty");
        }
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean authenticate(Request request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8));
    }
}
