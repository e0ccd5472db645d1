package com.iduscore.mock.domain.submission;

import com.iduscore.mock.domain.error.ApiErrors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 14-marker blood panel check (CONTRACT.md D11, api-notes §2.1), run after the schema has accepted the body's shape:
 * exactly the 14 codes once each, each with its unit, each value a finite number ≥ 0 ({@code -1} included in the
 * refusal). All problems are reported at once, as {@code details: [{field, message}]} of a
 * {@code SUBMISSION_VALIDATION_ERROR}: first the panel's make-up under field {@code markers} (a count other than 14,
 * an unknown code, a code twice, a code missing), then each marker's own problems under
 * {@code markers.<CODE>.unit} and {@code markers.<CODE>.value}. A body that sends no markers (it uses {@code reportDocuments}) skips the panel.
 *
 * <p>Units are compared exactly, except that the micro sign (U+00B5) and the Greek mu (U+03BC), which look the same,
 * are one character here ({@code µmol/L}).
 */
public final class MarkerPanel {

    /** The 14 codes and their units, in the order of the public docs. */
    public static final Map<String, String> UNITS;

    static {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("ALBUMIN", "g/L");
        units.put("ALT", "U/L");
        units.put("ALP", "U/L");
        units.put("AST", "U/L");
        units.put("CALCIUM", "mmol/L");
        units.put("CHOL", "mmol/L");
        units.put("CYSTATIN_C", "mg/L");
        units.put("GGT", "U/L");
        units.put("HDL", "mmol/L");
        units.put("CRP", "mg/L");
        units.put("LDL", "mmol/L");
        units.put("PHOSPHATE", "mmol/L");
        units.put("URATE", "µmol/L");
        units.put("HBA1C_MMOL_MOL", "mmol/mol");
        UNITS = Collections.unmodifiableMap(units);
    }

    private MarkerPanel() {
    }

    /** Throws the {@code SUBMISSION_VALIDATION_ERROR} refusal when the panel fails; returns quietly when it passes. */
    public static void check(List<SubmissionRequest.Marker> markers) {
        List<Map<String, String>> problems = problems(markers);
        if (!problems.isEmpty()) {
            throw ApiErrors.markerPanel(problems);
        }
    }

    /** Every panel problem: its make-up first, then unit and value problems in marker order. */
    public static List<Map<String, String>> problems(List<SubmissionRequest.Marker> markers) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (markers == null || markers.isEmpty()) {
            return problems;
        }
        // the panel's make-up first (field "markers"), then each marker's unit and value
        List<Map<String, String>> perMarker = new ArrayList<>();
        if (markers.size() != UNITS.size()) {
            problems.add(problem("markers", "Expected " + UNITS.size() + " blood markers for this panel."));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < markers.size(); i++) {
            SubmissionRequest.Marker marker = markers.get(i);
            String code = marker.code();
            if (code == null || !UNITS.containsKey(code)) {
                problems.add(problem("markers", "Unknown blood marker code"
                        + (code == null ? "" : " '" + code + "'") + " at index " + i + "; expected one of "
                        + String.join(", ", UNITS.keySet()) + "."));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(problem("markers", "Blood marker " + code + " appears more than once."));
                continue;
            }
            String unit = marker.unit();
            if (unit == null || !sameUnit(UNITS.get(code), unit)) {
                perMarker.add(problem("markers." + code + ".unit", "Expected unit " + UNITS.get(code) + " for " + code
                        + (unit != null ? ", received " + unit : "") + "."));
            }
            Double value = marker.value();
            if (value == null || !Double.isFinite(value) || value < 0) {
                perMarker.add(problem("markers." + code + ".value",
                        "Expected a finite number greater than or equal to 0 for " + code + "."));
            }
        }
        for (String code : UNITS.keySet()) {
            if (!seen.contains(code)) {
                problems.add(problem("markers", "Blood marker " + code + " is missing."));
            }
        }
        problems.addAll(perMarker);
        return problems;
    }

    private static boolean sameUnit(String expected, String actual) {
        return expected.equals(actual.replace('\u03BC', '\u00B5'));
    }

    private static Map<String, String> problem(String field, String message) {
        Map<String, String> problem = new LinkedHashMap<>(2);
        problem.put("field", field);
        problem.put("message", message);
        return Collections.unmodifiableMap(problem);
    }
}
