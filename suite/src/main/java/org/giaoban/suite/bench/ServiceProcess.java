package org.giaoban.suite.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service started as its own JVM from its jar, so that its memory is measured apart from the load generator's:
 * the resident set from {@code /proc}, sampled twice a second, and the heap in use from its metrics endpoint.
 *
 * <p>With the system property {@value #PROFILE_DIR} set to a directory, each service runs under Java Flight Recorder
 * (the JDK's {@code profile} settings) and leaves its recording there as {@code <jar>-<port>.jfr} when it stops.
 */
final class ServiceProcess implements AutoCloseable {

    static final String PROFILE_DIR = "giaoban.bench.profile-dir";

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakHeapBytes = new AtomicLong();

    private ServiceProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * A running service's embedded event store, reached through the server it runs for it, with its administrator's
     * login (the benchmarks write to it as the service does): the address it publishes and the password beside it.
     */
    static StoreLogin servedEventStore(Path database) throws IOException {
        String address = Files.readAllLines(database.resolveSibling(database.getFileName() + ".server"))
                .get(0)
                .strip();
        Path login = database.resolveSibling(database.getFileName() + ".login");
        // A jar from before the stores had logins (to measure against an earlier version) leaves sa without one.
        String password = Files.exists(login) ? Files.readString(login).strip() : "";
        return new StoreLogin(address, "sa", password);
    }

    /** Where a benchmark connects to an event store, and as whom. */
    record StoreLogin(String url, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    static ServiceProcess start(Path jar, int port, String maxHeap, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + maxHeap));
        String profileDir = System.getProperty(PROFILE_DIR);
        if (profileDir != null) {
            Path recording = Files.createDirectories(Path.of(profileDir))
                    .resolve(jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + port + ".jfr");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--management.endpoints.web.exposure.include=health,metrics"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(builder.start(), "http://127.0.0.1:" + port);
        service.awaitHealthy(Duration.ofMinutes(3));
        service.sampler.scheduleAtFixedRate(service::sampleHeap, 0, 500, TimeUnit.MILLISECONDS);
        return service;
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** The most memory the process has had resident at once since it started (VmHWM). */
    long peakResidentBytes() throws IOException {
        return procStatus("VmHWM:");
    }

    long residentBytes() throws IOException {
        return procStatus("VmRSS:");
    }

    long peakHeapBytes() {
        return peakHeapBytes.get();
    }

    long heapUsedBytes() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            int value = body.indexOf("\"value\":");
            if (response.statusCode() != 200 || value < 0) {
                return -1;
            }
            int end = body.indexOf('}', value);
            return (long) Double.parseDouble(body.substring(value + 8, end).trim());
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The heap still in use after a full collection in the service (through {@code jcmd GC.run}): its live data. */
    long liveHeapBytes() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            return -1;
        }
        return heapUsedBytes();
    }

    /** Forgets the peak heap seen so far, to measure one part of a run. */
    void resetPeakHeap() {
        peakHeapBytes.set(heapUsedBytes());
    }

    /** The share of one core the process used over {@code period}, from its CPU time in /proc (user and system). */
    double cpuShareOver(Duration period) throws IOException, InterruptedException {
        long before = cpuTicks();
        long start = System.nanoTime();
        Thread.sleep(period.toMillis());
        long ticks = cpuTicks() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        // The kernel counts CPU time in clock ticks, 100 a second on Linux.
        return ticks / 100.0 / seconds;
    }

    private long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // The fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime
        // the 13th of them.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private void sampleHeap() {
        long used = heapUsedBytes();
        peakHeapBytes.accumulateAndGet(used, Math::max);
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
            }
        }
        throw new IOException(field + " not found for process " + process.pid());
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The service stopped while starting (exit " + process.exitValue() + ")");
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IOException("The service did not become healthy within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
