package com.iduscore.mock.domain.result;


import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic pseudo-scores (CONTRACT.md D8). A score depends only on the subject's clinical inputs ({@code subject},
 * {@code markers} in code order, {@code reportDocuments}, as the adapter canonicalises them) and the outcome id: the
 * fraction given by the first 53 bits of SHA-256 over that text and the id, rounded to two decimals. So the same body always scores the same,
 * and so does the same person re-submitted under another {@code partnerSubmissionId}, {@code partnerSubjectId},
 * credential or list of outputs; markers listed in another order, or with other spacing, change nothing.
 */
public final class OutcomeScorer {
    private OutcomeScorer() {
    }

    /** @param clinicalInputs the canonical text of the subject's clinical inputs ({@code SubmissionRequest}) */
    public static List<OutcomeScore> score(String clinicalInputs, List<OutcomeArea> areas) {
        List<OutcomeScore> scores = new ArrayList<>(areas.size());
        for (OutcomeArea area : areas) {
            scores.add(new OutcomeScore(area, fraction(clinicalInputs + "\n" + area.id())));
        }
        return List.copyOf(scores);
    }

    private static double fraction(String text) {
        byte[] digest = sha256(text);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        double fraction = (bits >>> 11) * 0x1.0p-53;
        return Math.round(fraction * 100) / 100.0;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
