package com.iduscore.mock.artifact;

import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

import java.text.Normalizer;
import java.util.Map;

/**
 * Makes any text showable in the PDF's standard Helvetica (WinAnsi encoding, nothing embedded, so the jar stays small):
 * line breaks and tabs become spaces, known symbols ASCII stand-ins ({@code ≥} → {@code >=}), accented letters outside
 * WinAnsi their base letter, anything else '?'. Without this openhtmltopdf would draw '#' for each missing glyph.
 */
final class WinAnsiText {
    /** Readable ASCII stand-ins for characters WinAnsi lacks but reports plausibly contain. */
    private static final Map<Integer, String> STAND_INS = Map.ofEntries(
            Map.entry(0x2265, ">="), Map.entry(0x2264, "<="), Map.entry(0x2260, "!="), Map.entry(0x2248, "~"),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2212, "-"), Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2015, "-"), Map.entry(0x2032, "'"),
            Map.entry(0x2033, "\""), Map.entry(0x00A0, " "), Map.entry(0x2009, " "), Map.entry(0x202F, " "),
            Map.entry(0x2713, "v"), Map.entry(0x2022, "*"));

    private WinAnsiText() {
    }

    static String sanitise(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> clean.append(showable(codePoint)));
        return clean.toString();
    }

    private static String showable(int codePoint) {
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            return " ";
        }
        if (encodable(codePoint)) {
            return Character.toString(codePoint);
        }
        String standIn = STAND_INS.get(codePoint);
        if (standIn != null) {
            return standIn;
        }
        String base = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        if (!base.isEmpty() && base.codePoints().allMatch(WinAnsiText::encodable)) {
            return base;
        }
        return "?";
    }

    private static boolean encodable(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        String glyph = GlyphList.getAdobeGlyphList().codePointToName(codePoint);
        return glyph != null && !".notdef".equals(glyph) && WinAnsiEncoding.INSTANCE.contains(glyph);
    }
}
