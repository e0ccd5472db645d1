package com.iduscore.mock.domain.result;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The public wellbeing outcomes ({@code PartnerOutcomePublicId}) and how requested ids map onto them (CONTRACT.md D8). */
public enum OutcomeArea {
    CARDIOVASCULAR("wellbeing.cardiovascular", "Cardiovascular Wellbeing"),
    COGNITIVE("wellbeing.cognitive", "Cognitive Wellbeing"),
    RENAL("wellbeing.renal", "Renal Wellbeing"),
    RESPIRATORY("wellbeing.respiratory", "Respiratory Wellbeing"),
    GENERAL("wellbeing.general", "General Wellbeing");

    /** What a submission without {@code options.requestedOutcomes} gets: the four Health Yourself areas. */
    public static final List<OutcomeArea> HEALTH_YOURSELF = List.of(CARDIOVASCULAR, COGNITIVE, RENAL, RESPIRATORY);

    private final String id;
    private final String focus;

    OutcomeArea(String id, String focus) {
        this.id = id;
        this.focus = focus;
    }

    public String id() { return id; }

    public String focus() { return focus; }

    /**
     * The area a requested id names, synonyms normalised: {@code wellbeing.kidney} and {@code renal.wellbeing} are
     * {@code wellbeing.renal}, and any {@code <area>.wellbeing} is {@code wellbeing.<area>}.
     */
    public static Optional<OutcomeArea> forRequested(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        String id = requested.trim().toLowerCase(Locale.ROOT);
        if (id.endsWith(".wellbeing") && !id.startsWith("wellbeing.")) {
            id = "wellbeing." + id.substring(0, id.length() - ".wellbeing".length());
        }
        if (id.equals("wellbeing.kidney")) {
            id = RENAL.id;
        }
        for (OutcomeArea area : values()) {
            if (area.id.equals(id)) {
                return Optional.of(area);
            }
        }
        return Optional.empty();
    }

    public static OutcomeArea fromId(String id) {
        return forRequested(id).orElseThrow(() -> new IllegalArgumentException("Unknown outcome '" + id + "'"));
    }

    /**
     * One area per entry of {@code options.requestedOutcomes}, in request order, each once (a synonym of an area
     * already listed adds nothing); ids the schema let through but no area knows are skipped. Nothing requested
     * (or nothing known) means the four Health Yourself areas.
     */
    public static List<OutcomeArea> requested(List<String> requestedOutcomes) {
        List<OutcomeArea> areas = new ArrayList<>();
        if (requestedOutcomes != null) {
            for (String entry : requestedOutcomes) {
                forRequested(entry).filter(area -> !areas.contains(area)).ifPresent(areas::add);
            }
        }
        return areas.isEmpty() ? HEALTH_YOURSELF : List.copyOf(areas);
    }
}
