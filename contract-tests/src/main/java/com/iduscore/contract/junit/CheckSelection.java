package com.iduscore.contract.junit;

import com.iduscore.contract.target.RunEnvironment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which checks a run executes: {@code IDUSCORE_CHECKS} (the jar's {@code --checks}) and {@code IDUSCORE_EXCLUDE}
 * ({@code --exclude}), each a comma-separated list of groups ({@code AUTH}) or check ids ({@code AUTH-03}). Empty
 * means every check. A check that is not selected is not run and not reported (it is not a skip).
 *
 * @param include groups or ids to run (empty: all)
 * @param exclude groups or ids never to run
 */
public record CheckSelection(Set<String> include, Set<String> exclude) {

    /** Every check. */
    public static final CheckSelection ALL = new CheckSelection(Set.of(), Set.of());

    /** From {@code IDUSCORE_CHECKS} / {@code IDUSCORE_EXCLUDE}. */
    public static CheckSelection fromEnvironment() {
        return of(RunEnvironment.variables());
    }

    public static CheckSelection of(Map<String, String> env) {
        return new CheckSelection(list(env.get("IDUSCORE_CHECKS")), list(env.get("IDUSCORE_EXCLUDE")));
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The group of a check id: what comes before the first {@code -} ({@code AUTH-03} → {@code AUTH}). */
    public static String groupOf(String checkId) {
        int dash = checkId.indexOf('-');
        return (dash < 0 ? checkId : checkId.substring(0, dash)).toUpperCase(Locale.ROOT);
    }

    /** True when the check with this id runs. */
    public boolean selects(String checkId) {
        String id = checkId.toUpperCase(Locale.ROOT);
        String group = groupOf(id);
        boolean included = include.isEmpty() || include.contains(id) || include.contains(group);
        return included && !exclude.contains(id) && !exclude.contains(group);
    }

    /** True when some check of the group could run (a generated check's id is known only when it runs). */
    public boolean mayRunGroup(String group) {
        String g = group.toUpperCase(Locale.ROOT);
        boolean included = include.isEmpty() || include.stream().anyMatch(s -> groupOf(s).equals(g));
        return included && !exclude.contains(g);
    }

    /** True when every check runs. */
    public boolean all() {
        return include.isEmpty() && exclude.isEmpty();
    }
}
