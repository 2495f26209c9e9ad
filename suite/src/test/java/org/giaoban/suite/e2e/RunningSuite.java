package org.giaoban.suite.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as it runs for real, each module its own JVM from its exec jar: tasks-service, training-service and
 * reporting-service, each on the port its web server was given when it asked for any free one, sharing one fresh data
 * directory (embedded stores) and one identity secret, then the gateway in front of them with the demonstration users
 * (admin, auditor, viewer, an officer per district) and a password made for the run. Every module's output is in
 * {@code <data-dir>/logs/<module>.log}, and its port in {@code <module>.log.port} beside it; a module that does not
 * start fails the start with the path of its log and its last lines.
 *
 * <p>Everything is stopped by {@link #close()}, or by a shutdown hook when the test JVM ends first, so a failed run
 * leaves no process behind.
 *
 * <p>The jars are taken from the system properties {@code giaoban.suite.jar.<module>} (the build sets them), and
 * otherwise from the modules' {@code target} directories next to this one. The data directory is made under
 * {@code giaoban.suite.data-root} (the build sets {@code suite/target/e2e}), otherwise under the temporary directory.
 */
public final class RunningSuite implements AutoCloseable {

    public static final String TASKS = "tasks-service";
    public static final String TRAINING = "training-service";
    public static final String REPORTING = "reporting-service";
    public static final String GATEWAY = "gateway";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private record Module(String name, String portVariable, String defaultJar) {
        Path jar() {
            String configured = System.getProperty("giaoban.suite.jar." + name);
            return (configured != null ? Path.of(configured) : Path.of("..").resolve(defaultJar))
                    .toAbsolutePath()
                    .normalize();
        }
    }

    private static final List<Module> SERVICES = List.of(
            new Module(TASKS, "TASKS_PORT", "tasks-service/tasks-app/target/tasks-app-0.1.0-SNAPSHOT-exec.jar"),
            new Module(
                    TRAINING,
                    "TRAINING_PORT",
                    "training-service/training-app/target/training-app-0.1.0-SNAPSHOT-exec.jar"),
            new Module(
                    REPORTING, "REPORTING_PORT", "reporting-service/target/reporting-service-0.1.0-SNAPSHOT-exec.jar"));
    private static final Module GATEWAY_MODULE =
            new Module(GATEWAY, "GIAOBAN_PORT", "gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar");

    private final Path dataDir;
    private final String password;
    private final String identitySecret;
    private final Map<String, SuiteProcess> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Thread shutdownHook = new Thread(this::stopEverything, "giaoban-suite-stop");
    private Duration startedIn;

    private RunningSuite(Path dataDir, String password, String identitySecret) {
        this.dataDir = dataDir;
        this.password = password;
        this.identitySecret = identitySecret;
    }

    /**
     * Starts the three services, waits for their health checks, then starts the gateway and waits for its: all within
     * 180 s. Fails, rather than skips, when a jar is missing.
     */
    public static RunningSuite start() throws IOException, InterruptedException {
        List<String> missing = modules().stream()
                .map(Module::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The suite cannot start: these exec jars are missing: " + missing
                    + ". Each module builds its jar at the package phase: run ./mvnw -B verify from the root of the"
                    + " project, or ./mvnw -B -DskipTests install before running the suite module alone.");
        }

        String root = System.getProperty("giaoban.suite.data-root", System.getProperty("java.io.tmpdir"));
        Files.createDirectories(Path.of(root));
        Path dataDir = Files.createTempDirectory(Path.of(root).toAbsolutePath(), "suite-");
        Files.createDirectories(dataDir.resolve("logs"));
        RunningSuite suite = new RunningSuite(dataDir, randomText(18), randomText(48));
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            suite.launch();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /** The services first, then the gateway, which needs their ports. */
    private void launch() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + START_TIMEOUT.toNanos();
        Map<String, String> common =
                Map.of("GIAOBAN_DATA_DIR", dataDir.toString(), "GIAOBAN_IDENTITY_SECRET", identitySecret);

        List<SuiteProcess> services = new ArrayList<>();
        for (Module module : SERVICES) {
            services.add(launch(module, common));
        }
        awaitHealthy(services, deadline);

        Map<String, String> gatewayEnvironment = new HashMap<>(common);
        for (int i = 0; i < SERVICES.size(); i++) {
            String urlVariable = SERVICES.get(i).portVariable().replace("_PORT", "_URL");
            gatewayEnvironment.put(urlVariable, services.get(i).url("").toString());
        }
        gatewayEnvironment.put("GIAOBAN_DEMO_PASSWORD", password);
        SuiteProcess gateway = launch(GATEWAY_MODULE, gatewayEnvironment);
        awaitHealthy(List.of(gateway), deadline);
        startedIn = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts a module on port 0: its web server takes a free port and holds it from that moment. */
    private SuiteProcess launch(Module module, Map<String, String> environment) throws IOException {
        return launch(module, 0, environment);
    }

    private SuiteProcess launch(Module module, int port, Map<String, String> environment) throws IOException {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put(module.portVariable(), Integer.toString(port));
        Path log = dataDir.resolve("logs").resolve(module.name() + ".log");
        SuiteProcess process = SuiteProcess.start(module.name(), module.jar(), variables, log);
        synchronized (processes) {
            processes.put(module.name(), process);
            environments.put(module.name(), environment);
        }
        return process;
    }

    private static void awaitHealthy(List<SuiteProcess> starting, long deadline) throws InterruptedException {
        List<SuiteProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (SuiteProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name() + " stopped while starting (exit "
                            + process.exitValue() + "); its log: " + process.log() + "\n"
                            + process.logTail(40));
                }
                if (process.answersHealthy()) {
                    waiting.remove(process);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                SuiteProcess late = waiting.get(0);
                throw new IllegalStateException(late.name() + " did not write its port to " + late.portFile()
                        + " and answer /actuator/health there within " + START_TIMEOUT.toSeconds()
                        + " s of the suite's start; its log: " + late.log() + "\n" + late.logTail(40));
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(500);
            }
        }
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** How long the four modules took to answer their health checks. */
    public Duration startedIn() {
        return startedIn;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The secret the gateway signs the caller's identity with, and the services check it with. */
    public String identitySecret() {
        return identitySecret;
    }

    /** The gateway's address, as a browser opens it or a client of its own calls it (the generated ones). */
    public URI gateway() {
        return process(GATEWAY).url("");
    }

    /** The demonstration users' password of this run, for a test that types it into the dashboard's sign-in. */
    public String demoPassword() {
        return password;
    }

    /** A demonstration user signed in at the gateway with the run's password. */
    public Caller as(String user) {
        return new Caller(process(GATEWAY).url(""), Caller.basic(user, password));
    }

    /** The {@code Authorization} header of a demonstration user signed in with the run's password. */
    public String authorization(String user) {
        return Caller.basic(user, password);
    }

    /** A demonstration user at the gateway with a password that is not the user's. */
    public Caller withWrongPassword(String user) {
        return new Caller(process(GATEWAY).url(""), Caller.basic(user, password + "-wrong"));
    }

    /** Somebody at the gateway without credentials. */
    public Caller anonymous() {
        return new Caller(process(GATEWAY).url(""), null);
    }

    /** Somebody calling a service on its own port, past the gateway, without credentials. */
    public Caller direct(String service) {
        return new Caller(process(service).url(""), null);
    }

    /** Stops one module (as an operator or a crash would) and waits until it has stopped. */
    public void stop(String module) throws InterruptedException {
        process(module).stop(STOP_GRACE);
    }

    /**
     * Kills one module the way a crash does (SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not
     * already) and waits until it is gone.
     */
    public void crash(String module) throws InterruptedException {
        process(module).kill();
    }

    /**
     * Starts a stopped or crashed module again, with its settings and data, and waits (180 s at most) for its health
     * check. It takes the port it had, which the gateway routes to: the one port of the run not held from start to end,
     * free again since its holder is gone. Its log grows.
     */
    public void restart(String module) throws IOException, InterruptedException {
        SuiteProcess stopped = process(module);
        if (stopped.isAlive()) {
            throw new IllegalStateException(module + " is still running");
        }
        Module described = modules().stream()
                .filter(candidate -> candidate.name().equals(module))
                .findFirst()
                .orElseThrow();
        Map<String, String> environment;
        synchronized (processes) {
            environment = environments.get(module);
        }
        SuiteProcess started = launch(described, stopped.port(), environment);
        awaitHealthy(List.of(started), System.nanoTime() + START_TIMEOUT.toNanos());
    }

    private static List<Module> modules() {
        List<Module> modules = new ArrayList<>(SERVICES);
        modules.add(GATEWAY_MODULE);
        return modules;
    }

    private SuiteProcess process(String module) {
        synchronized (processes) {
            SuiteProcess process = processes.get(module);
            if (process == null) {
                throw new IllegalArgumentException("No module " + module + " in the suite: " + processes.keySet());
            }
            return process;
        }
    }

    /** Stops the gateway and the services: all asked at once, then each given the grace period, then forced. */
    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the same processes.
        }
    }

    private void stopEverything() {
        List<SuiteProcess> running;
        synchronized (processes) {
            running = new ArrayList<>(processes.values());
        }
        running.forEach(SuiteProcess::requestStop);
        for (SuiteProcess process : running) {
            try {
                process.awaitStop(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(SuiteProcess::forceStop);
                return;
            }
        }
    }
}
