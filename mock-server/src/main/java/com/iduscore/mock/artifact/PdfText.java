package com.iduscore.mock.artifact;

import org.apache.pdfbox.pdmodel.font.PDType1Font;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text helpers for the standard-14 fonts: make any string showable in WinAnsi, measure it, wrap and cut it to a width.
 * Both fonts use the same encoding, so what one can show the other can too.
 */
final class PdfText {
    /** Readable ASCII stand-ins for characters WinAnsi lacks but reports plausibly contain. */
    private static final Map<Integer, String> STAND_INS = Map.ofEntries(
            Map.entry(0x2265, ">="), Map.entry(0x2264, "<="), Map.entry(0x2260, "!="), Map.entry(0x2248, "~"),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2212, "-"), Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2015, "-"), Map.entry(0x2032, "'"),
            Map.entry(0x2033, "\""), Map.entry(0x00A0, " "), Map.entry(0x2009, " "), Map.entry(0x202F, " "),
            Map.entry(0x2713, "v"), Map.entry(0x2022, "*"));
    private static final String ELLIPSIS = "...";

    private final PDType1Font regular;
    private final PDType1Font bold;

    PdfText(PDType1Font regular, PDType1Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    PDType1Font regular() { return regular; }

    PDType1Font bold() { return bold; }

    /**
     * The text with every character the font cannot encode replaced: line breaks and tabs by spaces, known symbols by
     * ASCII stand-ins ({@code ≥} → {@code >=}), accented letters outside WinAnsi by their base letter, the rest by '?'.
     */
    String sanitise(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> clean.append(showable(codePoint)));
        return clean.toString();
    }

    private String showable(int codePoint) {
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            return " ";
        }
        String single = Character.toString(codePoint);
        if (encodable(single)) {
            return single;
        }
        String standIn = STAND_INS.get(codePoint);
        if (standIn != null) {
            return standIn;
        }
        String base = Normalizer.normalize(single, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        if (!base.isEmpty() && base.codePoints().allMatch(c -> encodable(Character.toString(c)))) {
            return base;
        }
        return "?";
    }

    private boolean encodable(String single) {
        if (Character.isISOControl(single.codePointAt(0))) {
            return false;
        }
        try {
            regular.encode(single);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Width in points of the text once sanitised. */
    float width(PDType1Font font, float size, String value) {
        return measure(font, size, sanitise(value));
    }

    private static float measure(PDType1Font font, float size, String clean) {
        try {
            return font.getStringWidth(clean) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sanitised text, cut and ended with "..." when it is wider than {@code maxWidth}. */
    String fit(PDType1Font font, float size, String value, float maxWidth) {
        String clean = sanitise(value);
        return measure(font, size, clean) <= maxWidth ? clean : cut(font, size, clean, maxWidth);
    }

    /** The sanitised text, always ended with "..." (cut further if needed), to mark that more was left out. */
    String withEllipsis(PDType1Font font, float size, String value, float maxWidth) {
        return cut(font, size, sanitise(value) + " ", maxWidth);
    }

    private static String cut(PDType1Font font, float size, String clean, float maxWidth) {
        int end = prefixFitting(font, size, clean, maxWidth - measure(font, size, ELLIPSIS));
        return clean.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** How many leading characters fit in {@code maxWidth}; glyph widths simply add up (no kerning is applied). */
    private static int prefixFitting(PDType1Font font, float size, String clean, float maxWidth) {
        float used = 0;
        for (int i = 0; i < clean.length(); i++) {
            used += measure(font, size, clean.substring(i, i + 1));
            if (used > maxWidth) {
                return i;
            }
        }
        return clean.length();
    }

    /** The sanitised text in lines no wider than {@code maxWidth}, broken at spaces where possible, else mid-word. */
    List<String> wrap(PDType1Font font, float size, String value, float maxWidth) {
        String clean = sanitise(value);
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : clean.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (measure(font, size, candidate) <= maxWidth) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            // a word wider than the line (an id without spaces) is broken wherever it must be
            String rest = word;
            while (measure(font, size, rest) > maxWidth) {
                int end = Math.max(1, prefixFitting(font, size, rest, maxWidth));
                lines.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            current.append(rest);
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
