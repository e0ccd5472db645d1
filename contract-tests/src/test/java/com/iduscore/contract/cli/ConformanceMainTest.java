package com.iduscore.contract.cli;

import com.iduscore.contract.target.ReactorPaths;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's command line, in process (the jar as a process: {@code ConformanceJarIT}). Isolated: while it runs, its
 * options are {@code IDUSCORE_*} system properties of this JVM.
 */
@org.junit.jupiter.api.parallel.Isolated
class ConformanceMainTest {

    @Test
    void has_an_option_for_every_variable_the_readme_documents() throws Exception {
        String readme = Files.readString(ReactorPaths.root().resolve("contract-tests/README.md"));
        Matcher rows = Pattern.compile("(?m)^\\| (`IDUSCORE_[A-Z_]+`(?:, `IDUSCORE_[A-Z_]+`)*) \\|").matcher(readme);
        List<String> documented = rows.results().flatMap(r -> Pattern.compile("IDUSCORE_[A-Z_]+").matcher(r.group(1)).results())
                .map(java.util.regex.MatchResult::group).toList();
        String help = run(0, "--help")[0];

        assertThat(documented).hasSizeGreaterThan(15);
        assertThat(documented).allSatisfy(variable -> assertThat(help).contains("[" + variable + "]"));
    }

    @Test
    void a_bad_option_or_value_is_one_line_on_stderr_and_exit_2() {
        assertThat(run(2, "--no-such-option")[1].strip().lines()).singleElement().asString()
                .contains("Unknown option: '--no-such-option'");
        assertThat(run(2, "--checks", "AUTH;rm -rf")[1].strip().lines()).singleElement().asString()
                .contains("--checks takes check groups or ids");
        assertThat(run(2, "--base-url", "ftp://x", "--api-key", "k", "--partner-id", "p")[1])
                .contains("IDUSCORE_BASE_URL must start with http:// or https://");
        assertThat(run(2, "--target", "stub", "--mock-jar", "/nowhere/iduscore-mock-server.jar")[1].strip().lines())
                .singleElement().asString().contains("needs the mock server jar at /nowhere/iduscore-mock-server.jar");
    }

    @Test
    void without_a_target_it_says_which_options_name_one_before_running_anything() {
        // with a target in the environment (mvn verify against a deployment) this would run the whole catalogue here
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("IDUSCORE_BASE_URL") == null
                && System.getenv("IDUSCORE_TARGET") == null, "the environment names a target");
        String[] streams = run(2);
        assertThat(streams[1]).contains("no target: give --base-url URL --api-key KEY --partner-id ID");
        assertThat(streams[0]).isEmpty();
    }

    /** Runs in process; returns stdout and stderr after asserting the exit status. */
    private static String[] run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConformanceMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        String[] streams = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertThat(exit).as("exit status; stdout %s stderr %s", streams[0], streams[1]).isEqualTo(expectedExit);
        return streams;
    }
}
