package com.iduscore.testcontainers;

import java.nio.file.Path;

/** The checkout's {@code mock-server/} folder; surefire runs this module's tests in {@code mock-testcontainers/}. */
final class MockServerDir {

    private MockServerDir() {
    }

    static Path get() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("mock-server");
    }
}
