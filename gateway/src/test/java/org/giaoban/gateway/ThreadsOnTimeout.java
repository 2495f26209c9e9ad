package org.giaoban.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a test gives up waiting for the gateway's answer, the log gets every thread of this JVM (the gateway under test
 * runs in it) before the failure is reported, so that a request the gateway never answered can be traced to where it
 * stopped. Registered for every test of this module through {@code META-INF/services}; it changes no outcome.
 */
public class ThreadsOnTimeout implements TestExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ThreadsOnTimeout.class);

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (causedByATimeout(thrown)) {
            StringBuilder dump = new StringBuilder();
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                dump.append(describe(thread));
            }
            log.error("{} timed out waiting; the threads of this JVM:\n{}", context.getDisplayName(), dump);
        }
        throw thrown;
    }

    private static boolean causedByATimeout(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || String.valueOf(cause.getMessage()).startsWith("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }

    /** Every frame of the thread: {@link ThreadInfo#toString()} stops after eight. */
    private static String describe(ThreadInfo thread) {
        StringBuilder text = new StringBuilder()
                .append('"')
                .append(thread.getThreadName())
                .append("\" ")
                .append(thread.getThreadState());
        if (thread.getLockName() != null) {
            text.append(" on ").append(thread.getLockName());
        }
        text.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append("\tat ").append(frame).append('\n');
        }
        return text.append('\n').toString();
    }
}
