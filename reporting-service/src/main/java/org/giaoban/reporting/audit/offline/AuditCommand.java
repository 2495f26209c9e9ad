package org.giaoban.reporting.audit.offline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.giaoban.reporting.briefing.query.BriefingRequest;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/giaoban audit export --service tasks --out DIR [--gateway URL --user U --password P]} and
 * {@code bin/giaoban audit verify DIR} and {@code bin/giaoban audit replay DIR... --from --to [--unit]
 * [--recorded-at]} (the briefing's JSON from exported files, as {@code GET /api/reports/briefing} answers it). Export signs in at the gateway with HTTP Basic (the password may come from
 * {@code GIAOBAN_AUDIT_PASSWORD}, kept off the process list); verify needs no service and no database, prints its
 * result as JSON and exits 0 when the export verifies, 1 when it does not, 2 on a usage error.
 */
public final class AuditCommand {

    private AuditCommand() {}

    public static void main(String[] arguments) throws Exception {
        logToStandardError();
        System.exit(run(arguments));
    }

    /**
     * A command's standard output is its result, a replay's the briefing's JSON byte for byte: what the libraries it
     * uses log (the scratch store's migrations, say) goes to standard error, and only from warnings up.
     */
    static void logToStandardError() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        PatternLayoutEncoder format = new PatternLayoutEncoder();
        format.setContext(logging);
        format.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        format.start();
        ConsoleAppender<ILoggingEvent> standardError = new ConsoleAppender<>();
        standardError.setContext(logging);
        standardError.setTarget("System.err");
        standardError.setEncoder(format);
        standardError.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(standardError);
    }

    /** Runs one command; answers its exit code. */
    public static int run(String[] arguments) throws Exception {
        if (arguments.length >= 2 && arguments[0].equals("verify")) {
            OfflineVerification.Result result = OfflineVerification.verify(Path.of(arguments[1]));
            System.out.println(
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return result.verified() ? 0 : 1;
        }
        if (arguments.length >= 1 && arguments[0].equals("export")) {
            Map<String, String> options = options(arguments);
            String service = options.get("--service");
            String out = options.get("--out");
            if (service == null || out == null) {
                return usage();
            }
            String gateway = options.getOrDefault("--gateway", "http://127.0.0.1:8080");
            String user = options.get("--user");
            String password = options.getOrDefault("--password", System.getenv("GIAOBAN_AUDIT_PASSWORD"));
            String basic = user == null
                    ? null
                    : "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + (password == null ? "" : password))
                                            .getBytes(StandardCharsets.UTF_8));
            int heads = new AuditExport(
                            URI.create(gateway),
                            request -> basic == null ? request : request.header("Authorization", basic))
                    .export(service, Path.of(out));
            System.out.println("Exported " + service + "'s events, " + heads + " signed heads and the keys to " + out);
            return 0;
        }
        if (arguments.length >= 1 && arguments[0].equals("replay")) {
            return replay(arguments);
        }
        return usage();
    }

    /** {@code replay DIR... --from D --to D [--unit U] [--recorded-at T]}: the briefing's JSON on standard output. */
    private static int replay(String[] arguments) throws Exception {
        List<Path> exports = new ArrayList<>();
        int i = 1;
        while (i < arguments.length && !arguments[i].startsWith("--")) {
            exports.add(Path.of(arguments[i++]));
        }
        Map<String, String> options = new HashMap<>();
        for (; i + 1 < arguments.length; i += 2) {
            options.put(arguments[i], arguments[i + 1]);
        }
        if (exports.isEmpty() || !options.containsKey("--from") || !options.containsKey("--to")) {
            return usage();
        }
        BriefingRequest request = new BriefingRequest(
                LocalDate.parse(options.get("--from")),
                LocalDate.parse(options.get("--to")),
                options.getOrDefault("--unit", "HN"),
                options.containsKey("--recorded-at") ? Instant.parse(options.get("--recorded-at")) : null);
        Path scratch = Files.createTempDirectory("giaoban-replay");
        try {
            System.out.write(ExportReplay.replay(exports, request, scratch, Clock.systemUTC()));
            System.out.flush();
            return 0;
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < arguments.length; i += 2) {
            options.put(arguments[i], arguments[i + 1]);
        }
        return options;
    }

    private static int usage() {
        System.err.println("usage: bin/giaoban audit export --service tasks|training --out DIR"
                + " [--gateway URL --user U --password P] | audit verify DIR"
                + " | audit replay DIR... --from YYYY-MM-DD --to YYYY-MM-DD [--unit U] [--recorded-at INSTANT]");
        return 2;
    }
}
