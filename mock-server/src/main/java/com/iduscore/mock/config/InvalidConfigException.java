package com.iduscore.mock.config;

import java.util.List;

/**
 * A configuration file the mock cannot start with. The message is meant for the person who wrote the file: it names
 * the file and every problem found, each with its JSON path. The CLI prints it and exits with status 2.
 */
public final class InvalidConfigException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    public InvalidConfigException(String source, List<String> problems) {
        super(message(source, problems), null, false, false);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigException(String source, String problem, Throwable cause) {
        super(message(source, List.of(problem)), cause, false, false);
        this.source = source;
        this.problems = List.of(problem);
    }

    /** The file (or classpath resource) that was read. */
    public String source() {
        return source;
    }

    /** Each problem on its own, without the file name, e.g. {@code tenants[1].credentials[0].partnerId is not a UUID}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid tenants file " + source + ": " + problems.get(0);
        }
        StringBuilder message = new StringBuilder("Invalid tenants file ").append(source).append(": ")
                .append(problems.size()).append(" problems");
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  - ").append(problem));
        return message.toString();
    }
}
