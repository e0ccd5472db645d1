package com.iduscore.contract.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the reactor root (the folder holding {@code mock-server/} and {@code contract-tests/}) from the working directory. */
public final class ReactorPaths {

    private ReactorPaths() {
    }

    /** The reactor root above {@code start}, if there is one. */
    public static Optional<Path> root(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("mock-server")) && Files.isDirectory(dir.resolve("contract-tests"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The reactor root above the working directory, or the working directory itself outside the reactor. */
    public static Path root() {
        Path cwd = Path.of(System.getProperty("user.dir"));
        return root(cwd).orElse(cwd.toAbsolutePath());
    }
}
