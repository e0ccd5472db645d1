package com.iduscore.contract.selftest;

import com.iduscore.contract.junit.Check;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.commons.support.ReflectionSupport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The suite's check catalogue ({@code com.iduscore.contract.checks}), indexed by check id: which method to select so
 * that a check with that id runs.
 *
 * <p>A {@code @Check} method carries its id. A dynamic check ({@code Checks.dynamic} in a {@code @TestFactory}) only
 * gets its id when the factory runs, so it is found by the id's literal in its class: the class's factories are
 * selected, and the run's outcome is the dynamic test whose display name starts with the id.
 */
final class CheckCatalogue {

    static final String PACKAGE = "com.iduscore.contract.checks";

    private final Map<String, CheckMethod> checks;
    private final List<CheckMethod> factories;

    private CheckCatalogue(Map<String, CheckMethod> checks, List<CheckMethod> factories) {
        this.checks = checks;
        this.factories = factories;
    }

    /** One method, named so that another class loader can find it again. */
    record CheckMethod(String className, String methodName, Class<?>[] parameterTypes) {

        /** The method in the class as {@code loader} defines it. */
        Method in(ClassLoader loader) {
            try {
                return Class.forName(className, false, loader).getDeclaredMethod(methodName, parameterTypes);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot find " + source() + " again", e);
            }
        }

        String source() {
            return className + "#" + methodName;
        }

        static CheckMethod of(Method method) {
            return new CheckMethod(method.getDeclaringClass().getName(), method.getName(), method.getParameterTypes());
        }
    }

    /**
     * What to run for one check id.
     *
     * @param dynamic true when {@code methods} are factories and the check is the dynamic test named {@code id …}
     */
    record Selection(String id, List<CheckMethod> methods, boolean dynamic) {
    }

    /** Scans the catalogue package of the test class path. */
    static CheckCatalogue scan() {
        Map<String, CheckMethod> checks = new TreeMap<>();
        List<CheckMethod> factories = new ArrayList<>();
        for (Class<?> type : ReflectionSupport.findAllClassesInPackage(PACKAGE, c -> true, name -> true)) {
            for (Method method : type.getDeclaredMethods()) {
                Check check = method.getAnnotation(Check.class);
                if (check != null) {
                    CheckMethod twice = checks.put(check.id(), CheckMethod.of(method));
                    if (twice != null) {
                        throw new IllegalStateException("check id " + check.id() + " is used twice: " + twice.source()
                                + " and " + method);
                    }
                }
                if (method.isAnnotationPresent(TestFactory.class)) {
                    factories.add(CheckMethod.of(method));
                }
            }
        }
        return new CheckCatalogue(checks, factories);
    }

    /**
     * Every check method and factory of the catalogue classes with these simple names (e.g. {@code LifecycleChecks}),
     * less the {@code @Check} methods whose id is in {@code excludedIds}: what a legal variation runs.
     */
    List<CheckMethod> inClasses(java.util.Collection<String> simpleClassNames, java.util.Collection<String> excludedIds) {
        List<CheckMethod> methods = new ArrayList<>();
        checks.forEach((id, m) -> {
            if (simpleClassNames.contains(simpleName(m.className())) && !excludedIds.contains(id)) {
                methods.add(m);
            }
        });
        factories.stream().filter(f -> simpleClassNames.contains(simpleName(f.className()))).forEach(methods::add);
        return methods;
    }

    /** The simple names of every class that holds a check. */
    java.util.Set<String> classes() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        checks.values().forEach(m -> names.add(simpleName(m.className())));
        factories.forEach(m -> names.add(simpleName(m.className())));
        return names;
    }

    /** The id of every {@code @Check} method, with its rule (dynamic checks name theirs when they run). */
    Map<String, String> rules() {
        Map<String, String> rules = new TreeMap<>();
        checks.forEach((id, m) -> rules.put(id, m.in(CheckCatalogue.class.getClassLoader()).getAnnotation(Check.class).rule()));
        return rules;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** What to select so that check {@code id} runs, if the catalogue has it. */
    Optional<Selection> find(String id) {
        CheckMethod check = checks.get(id);
        if (check != null) {
            return Optional.of(new Selection(id, List.of(check), false));
        }
        List<CheckMethod> makers = factories.stream().filter(f -> classMentions(f.className(), id)).toList();
        return makers.isEmpty() ? Optional.empty() : Optional.of(new Selection(id, makers, true));
    }

    /**
     * The class's bytes contain the id, or the literal prefix its dynamic ids are built from ({@code VAL-FIX-} for
     * {@code VAL-FIX-unknown-top-level-key}).
     */
    private static boolean classMentions(String className, String id) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = CheckCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (bytes.contains(id)) {
                return true;
            }
            int dash = id.lastIndexOf('-');
            while (dash > 0) {
                String prefix = id.substring(0, dash + 1);
                if (prefix.indexOf('-') < dash && bytes.contains(prefix)) {
                    return true;
                }
                dash = id.lastIndexOf('-', dash - 1);
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return checks.size() + " @Check methods and " + factories.size() + " factories";
    }
}
