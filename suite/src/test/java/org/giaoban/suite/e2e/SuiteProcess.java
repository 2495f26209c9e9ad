package org.giaoban.suite.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One module of the suite running as its own JVM from its exec jar, its output in a log file. Knows whether it answers
 * its health check and how to stop it: a polite stop first, a forced one after a grace period.
 */
final class SuiteProcess {

    private static final HttpClient HEALTH = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private SuiteProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code java -Xmx384m -jar <jar>} with the given variables, and none of the caller's that could point the
     * module elsewhere (its stores, its ports, its users). Four JVMs start together on two cores: the quick compiler
     * only and one garbage-collector thread leave the cores to starting (52 s instead of 77 s here); neither changes
     * what the modules do.
     */
    static SuiteProcess start(String name, Path jar, int port, Map<String, String> environment, Path log)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(SuiteProcess::pointsTheSuiteElsewhere);
        builder.environment().putAll(environment);
        return new SuiteProcess(name, port, log, builder.start());
    }

    private static boolean pointsTheSuiteElsewhere(String variable) {
        return variable.startsWith("GIAOBAN_")
                || variable.startsWith("SPRING_")
                || variable.startsWith("TASKS_")
                || variable.startsWith("TRAINING_")
                || variable.startsWith("REPORTING_")
                || variable.startsWith("SERVER_")
                || variable.startsWith("MANAGEMENT_");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean answersHealthy() throws InterruptedException {
        try {
            HttpResponse<Void> health = HEALTH.send(
                    HttpRequest.newBuilder(url("/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Asks the JVM to stop (SIGTERM: Spring's graceful shutdown); no more polite once the grace period is over. */
    void requestStop() {
        process.destroy();
    }

    void awaitStop(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void forceStop() {
        process.destroyForcibly();
    }

    void stop(Duration grace) throws InterruptedException {
        requestStop();
        awaitStop(grace);
    }

    /** The last lines of the log, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(the log could not be read: " + e + ")";
        }
    }
}
