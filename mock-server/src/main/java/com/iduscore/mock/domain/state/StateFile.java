package com.iduscore.mock.domain.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The {@code --state-file}: read once at start, replaced atomically on every write (a temporary file in the same
 * folder, then an atomic rename), so a crash mid-write leaves the previous state whole.
 */
public final class StateFile {
    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() { return path; }

    /** The file's text, or empty when there is no file yet. */
    public Optional<String> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("State file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    public void write(String json) {
        try {
            Path folder = path.getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, path.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temporary, json, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("State file " + path + " cannot be written: " + e.getMessage(), e);
        }
    }
}
