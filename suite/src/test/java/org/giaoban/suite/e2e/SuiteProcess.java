package org.giaoban.suite.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.context.WebServerPortFileWriter;

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
    private final Path log;
    private final Path portFile;
    private final Process process;
    private volatile int port;

    private SuiteProcess(String name, Path log, Path portFile, Process process) {
        this.name = name;
        this.log = log;
        this.portFile = portFile;
        this.process = process;
    }

    /**
     * Starts {@code java -Xmx384m -jar <jar>} with the given variables, and none of the caller's that could point the
     * module elsewhere (its stores, its ports, its users). Four JVMs start together on two cores: the quick compiler
     * only and one garbage-collector thread leave the cores to starting (52 s instead of 77 s here); neither changes
     * what the modules do.
     *
     * <p>The module is meant to be told port 0: Spring Boot's {@link WebServerPortFileWriter}, added to its sources,
     * then writes the port its web server was given to {@code <log>.port}, and {@link #answersHealthy()} reads it from
     * there. A port chosen here and handed over would be free only until another process took it. (Boot 3.5 no longer
     * reads {@code context.listener.classes}; a class named in {@code spring.main.sources} is a bean of the
     * application, and a listener bean hears that the web server has started.)
     */
    static SuiteProcess start(String name, Path jar, Map<String, String> environment, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path portFile = log.resolveSibling(log.getFileName() + ".port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dspring.main.sources=" + WebServerPortFileWriter.class.getName(),
                "-DPORTFILE=" + portFile,
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(SuiteProcess::pointsTheSuiteElsewhere);
        builder.environment().putAll(environment);
        return new SuiteProcess(name, log, portFile, builder.start());
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

    /** The port the module's web server was given, known once {@link #answersHealthy()} has answered true. */
    int port() {
        if (port == 0) {
            throw new IllegalStateException(name + " has not told its port yet (" + portFile + ")");
        }
        return port;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    Path portFile() {
        return portFile;
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

    /**
     * Whether the module has written its port and answers its health check there; from the first time it does, that
     * is its port. The port file is read again on every call until then, so that one caught being written is not
     * taken for the port.
     */
    boolean answersHealthy() throws InterruptedException {
        int known = port != 0 ? port : writtenPort();
        if (known == 0) {
            return false;
        }
        try {
            HttpResponse<Void> health = HEALTH.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + known + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() != 200) {
                return false;
            }
        } catch (IOException notYet) {
            return false;
        }
        port = known;
        return true;
    }

    /** The port in the port file, or 0 while there is none: the file is written once the web server has started. */
    private int writtenPort() {
        try {
            String written =
                    Files.readString(portFile, StandardCharsets.US_ASCII).strip();
            return written.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(written) : 0;
        } catch (NoSuchFileException notYet) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("The port file of " + name + " cannot be read: " + portFile, e);
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
