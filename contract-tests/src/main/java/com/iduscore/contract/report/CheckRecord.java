package com.iduscore.contract.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run knows about one check: identity, outcome, and the HTTP exchanges it made (the last
 * {@value #MAX_EXCHANGES} are kept, which is what a reader of a failure needs). Thread-safe.
 */
public final class CheckRecord {

    static final int MAX_EXCHANGES = 12;

    private final String id;
    private final String title;
    private final String operation;
    private final String source;
    private CheckStatus status;
    private String detail = "";
    private boolean knownFailure;
    private final long startedNanos = System.nanoTime();
    private long durationMillis;
    private int exchangeCount;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<TimeToResult> timesToResult = new ArrayList<>();
    private final List<String> requestLog = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private String rule;

    public CheckRecord(String id, String title, String operation, String source) {
        this.id = id;
        this.title = title;
        this.operation = operation;
        this.source = source;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String operation() {
        return operation;
    }

    /** The test class and method (or dynamic test) that implements the check. */
    public String source() {
        return source;
    }

    /**
     * The rule the check enforces ({@code CONTRACT.md} id or OpenAPI place), "" when it names none. Set by a dynamic
     * check; for a {@code @Check} method it is read from the annotation of {@link #source()} on first use (the
     * extension that begins the record knows only id, title and operation).
     */
    public synchronized String rule() {
        if (rule == null) {
            rule = ruleOfAnnotatedMethod(source);
        }
        return rule;
    }

    /** Sets the rule (a dynamic check's, given by {@code Checks.dynamic}). */
    public synchronized void rule(String value) {
        rule = value == null ? "" : value;
    }

    private static String ruleOfAnnotatedMethod(String source) {
        int hash = source == null ? -1 : source.indexOf('#');
        if (hash <= 0) {
            return "";
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(source.substring(0, hash), false,
                    loader != null ? loader : CheckRecord.class.getClassLoader());
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                com.iduscore.contract.junit.Check check = method.getAnnotation(com.iduscore.contract.junit.Check.class);
                if (check != null && method.getName().equals(source.substring(hash + 1))) {
                    return check.rule();
                }
            }
        } catch (ReflectiveOperationException | LinkageError notFound) {
            // a source that is not a loadable class (a dynamic check, a test double): no rule to read
        }
        return "";
    }

    /** The check group: the id's prefix before its first dash ({@code IDEM-03} → {@code IDEM}). */
    public String group() {
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    public synchronized CheckStatus status() {
        return status;
    }

    public synchronized String detail() {
        return detail;
    }

    public synchronized boolean knownFailure() {
        return knownFailure;
    }

    public synchronized long durationMillis() {
        return durationMillis;
    }

    /**
     * Records the outcome once; later calls are ignored so the first (most specific) cause wins. A pass of a check that
     * recorded {@linkplain #warn warnings} becomes {@link CheckStatus#WARNED}.
     */
    public synchronized void finish(CheckStatus outcome, String why) {
        if (status != null) {
            return;
        }
        status = outcome == CheckStatus.PASSED && !warnings.isEmpty() ? CheckStatus.WARNED : outcome;
        detail = why == null ? "" : Masking.mask(why);
        durationMillis = (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /**
     * Records a finding where the contract leaves a choice open: the check goes on, and if nothing else fails it ends
     * {@link CheckStatus#WARNED}, which never fails the gate.
     *
     * @param rule the rule the finding is about (a CONTRACT.md id or a place in the OpenAPI document)
     */
    public synchronized void warn(String rule, String message) {
        warnings.add(new Warning(rule, Masking.mask(message)));
    }

    public synchronized List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    public synchronized void markKnownFailure() {
        knownFailure = true;
    }

    public synchronized void addExchange(Exchange exchange) {
        exchangeCount++;
        requestLog.add(exchange.at() + " " + exchange.method() + " " + exchange.url() + " -> "
                + (exchange.status() == 0 ? "no response" : String.valueOf(exchange.status())) + " (" + exchange.millis() + " ms)");
        exchanges.add(exchange);
        if (exchanges.size() > MAX_EXCHANGES) {
            exchanges.remove(0);
        }
    }

    /** The last exchanges, oldest first. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** One line per request the check made, all of them, oldest first: {@code <instant> <method> <url> -> <status> (<ms> ms)}. */
    public synchronized List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    /** How many exchanges the check made in all (only the last few are kept). */
    public synchronized int exchangeCount() {
        return exchangeCount;
    }

    public synchronized void addTimeToResult(String submissionId, Duration duration) {
        timesToResult.add(new TimeToResult(submissionId, duration));
    }

    public synchronized List<TimeToResult> timesToResult() {
        return List.copyOf(timesToResult);
    }

    /** A finding that does not fail the check: what the deployment did where the contract lets it choose. */
    public record Warning(String rule, String message) {
    }

    /** One submission's time from acceptance to its result, as a check measured it. */
    public record TimeToResult(String submissionId, Duration duration) {
    }
}
