package com.iduscore.mock.domain.artifact;

import com.iduscore.mock.domain.state.StateSnapshot.ArtifactState;
import com.iduscore.mock.domain.state.Times;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One report file of a result. {@code pending} from the moment the result row exists until
 * {@code pipeline.write_artifacts} succeeds (or, for {@code sim-pending-artifacts-}, a while after), then
 * {@code available}. Its bytes are rendered on the first download
 * and kept (they never change: a result's outcomes are fixed once scored).
 */
public final class Artifact {
    private final UUID id;
    private final ArtifactKind kind;
    private final Instant generatedAt;
    private volatile Instant availableAt;
    private final AtomicReference<byte[]> rendered = new AtomicReference<>();

    public Artifact(UUID id, ArtifactKind kind, Instant generatedAt, Instant availableAt) {
        this.id = Objects.requireNonNull(id, "artifactId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
        this.availableAt = availableAt;
    }

    public UUID id() { return id; }

    public ArtifactKind kind() { return kind; }

    /** When the artifact record was created (the {@code generatedAt} of the API). */
    public Instant generatedAt() { return generatedAt; }

    /** Available from {@code availableAt} on ({@code sim-pending-artifacts-} sets that later than completion). */
    public boolean availableBy(Instant now) {
        Instant at = availableAt;
        return at != null && !at.isAfter(now);
    }

    public Instant availableAt() { return availableAt; }

    public void makeAvailable(Instant at) {
        if (availableAt == null) {
            availableAt = at;
        }
    }

    /** The file's bytes, rendered by {@code render} the first time and cached after. */
    public byte[] content(Supplier<byte[]> render) {
        byte[] bytes = rendered.get();
        if (bytes == null) {
            bytes = render.get();
            if (!rendered.compareAndSet(null, bytes)) {
                bytes = rendered.get();
            }
        }
        return bytes;
    }

    public ArtifactState toState() {
        return new ArtifactState(id, kind.slug(), Times.format(generatedAt), Times.format(availableAt));
    }

    public static Artifact fromState(ArtifactState state) {
        ArtifactKind kind = ArtifactKind.forRequestedOutput(state.type())
                .orElseThrow(() -> new IllegalArgumentException("Unknown artifact type '" + state.type() + "'"));
        return new Artifact(state.artifactId(), kind, Times.required(state.generatedAt(), "artifact generatedAt"),
                Times.parse(state.availableAt()));
    }
}
