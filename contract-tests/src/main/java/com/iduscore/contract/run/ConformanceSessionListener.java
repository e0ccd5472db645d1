package com.iduscore.contract.run;

import com.iduscore.contract.report.ConformanceReportListener;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives a launcher session that nobody else equipped (Maven's, an IDE's) a run configured by the environment and the
 * report listener that writes that run's reports. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; launchers that bring their own run
 * (the jar's main, nested runs) turn session-listener auto-registration off and {@link ConformanceRun#attach} theirs.
 */
public class ConformanceSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (session.getStore().get(ConformanceRun.NAMESPACE, ConformanceRun.class) != null) {
            return;
        }
        ConformanceRun run = ConformanceRun.fromEnvironment();
        ConformanceRun.attach(session, run);
        session.getLauncher().registerTestExecutionListeners(new ConformanceReportListener(System.out, run));
    }
}
