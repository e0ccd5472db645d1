package com.iduscore.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class SoakTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void reads_the_resident_memory_of_a_running_process_from_proc() {
        OptionalLong rss = Soak.rssKib(ProcessHandle.current().pid());

        // a JVM holds at least a few MiB resident, and not a terabyte
        assertThat(rss).isPresent();
        assertThat(rss.getAsLong()).isBetween(4L * 1024, 1024L * 1024 * 1024);
    }

    @Test
    void says_when_and_why_the_load_stopped_early_and_keeps_the_memory_readings() {
        Soak.Outcome outcome = new Soak.Outcome(new LoadRun.Result("soak", 0, 0, 370, 0, 0),
                List.of(new Soak.Sample(0, OptionalLong.of(146 * 1024)), new Soak.Sample(360, OptionalLong.of(2259 * 1024))),
                "after 370 s: soak: a connection failed: java.net.SocketTimeoutException: Read timed out");

        String report = Soak.report(outcome, 32, Duration.ofMinutes(10), "-Xmx2g");

        assertThat(report).contains("**The load stopped early**, after 370 s: soak: a connection failed")
                .contains("0 s 146 MiB, 360 s 2259 MiB");
    }

    @Test
    void reads_nothing_for_a_process_that_does_not_exist() {
        assertThat(Soak.rssKib(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void reports_throughput_and_the_memory_at_start_and_end() {
        Soak.Outcome outcome = new Soak.Outcome(new LoadRun.Result("soak", 120_000, 0, 60, 1_500, 7_250),
                List.of(new Soak.Sample(0, OptionalLong.of(200 * 1024)), new Soak.Sample(30, OptionalLong.of(260 * 1024)),
                        new Soak.Sample(61, OptionalLong.of(300 * 1024))));

        String report = Soak.report(outcome, 32, Duration.ofMinutes(1), "-Xmx2g");

        assertThat(report).contains("| 120000 | 2000 | 1.50 | 7.25 | 0 | 200 MiB | 300 MiB |")
                .contains("0 s 200 MiB, 30 s 260 MiB, 61 s 300 MiB");
    }
}
