package org.giaoban.suite.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.giaoban.suite.reference.DatasetPlan.PlanLine;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;

/**
 * Loads the reference dataset into empty services through their public APIs, checks the figures through their lists,
 * and prints what it loaded, the figures the briefing report must show and the meeting instant.
 *
 * <pre>
 * ./mvnw -B -q -pl suite exec:java -Dexec.mainClass=org.giaoban.suite.reference.ReferenceDataset \
 *     -Dexec.args="--tasks-url http://127.0.0.1:8081 --training-url http://127.0.0.1:8082"
 * </pre>
 *
 * Options: {@code --tasks-url} (default http://127.0.0.1:8081), {@code --training-url} (http://127.0.0.1:8082),
 * {@code --contest-entries N} (1000000; 0 skips the contest), {@code --concurrency N} (parallel requests, 4),
 * {@code --seed N} (20220908); {@code --reporting-url URL} (none) checks reporting-service's briefing as well, now
 * and as recorded at the meeting instant; {@code --data-dir DIR} ({@code GIAOBAN_DATA_DIR}, else ./data) is where the suite's
 * identity secret is, unless {@code GIAOBAN_IDENTITY_SECRET} gives it: the dataset is loaded as the administrator
 * {@code reference-data}. Exit status 0 when loaded and checked, 1 when a service refused a request
 * or the figures did not come out, 2 for a wrong option.
 */
public final class ReferenceDataset {

    static final long DEFAULT_SEED = 20_220_908L;
    private static final Duration CHECK_LIMIT = Duration.ofMinutes(3);

    private final Map<String, String> options;
    private final PrintStream out;

    ReferenceDataset(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println("usage: ReferenceDataset [--tasks-url URL] [--training-url URL] [--contest-entries N]"
                    + " [--concurrency N] [--seed N] [--reporting-url URL] [--data-dir DIR]");
            System.exit(2);
            return;
        }
        try {
            new ReferenceDataset(options, System.out).run();
        } catch (LoadFailure failure) {
            System.out.flush();
            System.err.println("The reference dataset was not loaded: " + failure.getMessage());
            System.exit(1);
        }
    }

    static Map<String, String> options(String[] args) {
        Set<String> known = Set.of(
                "tasks-url", "training-url", "contest-entries", "concurrency", "seed", "reporting-url", "data-dir");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("tasks-url", "http://127.0.0.1:8081");
        options.put("training-url", "http://127.0.0.1:8082");
        options.put("contest-entries", Integer.toString(ReferenceFigures.CONTEST_ENTRIES));
        options.put("concurrency", "4");
        options.put("seed", Long.toString(DEFAULT_SEED));
        options.put("data-dir", Objects.requireNonNullElse(System.getenv("GIAOBAN_DATA_DIR"), "./data"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            options.put(name, value);
        }
        number(options, "contest-entries", 0);
        number(options, "concurrency", 1);
        try {
            Long.parseLong(options.get("seed"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number");
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int least) {
        try {
            int value = Integer.parseInt(options.get(name).replace("_", "").replace(",", ""));
            if (value < least) {
                throw new IllegalArgumentException("--" + name + " must be at least " + least);
            }
            options.put(name, Integer.toString(value));
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    void run() {
        long start = System.nanoTime();
        long seed = Long.parseLong(options.get("seed"));
        int contestEntries = Integer.parseInt(options.get("contest-entries"));
        int concurrency = Integer.parseInt(options.get("concurrency"));
        HttpClient http = ServiceClient.newHttpClient();
        Operator operator = Operator.named("reference-data", Path.of(options.get("data-dir")));
        ServiceClient tasks = new ServiceClient("tasks-service", options.get("tasks-url"), http, operator);
        ServiceClient training = new ServiceClient("training-service", options.get("training-url"), http, operator);

        long planning = System.nanoTime();
        DatasetPlan plan = DatasetPlanner.plan(seed, contestEntries);
        out.printf(
                Locale.ROOT,
                "planned (seed %d): %,d work items, %,d documents, %,d classes with %,d enrolments, %,d plans, %s in %s%n",
                seed,
                plan.tasks().size(),
                plan.documents().size(),
                plan.classes().size(),
                plan.classes().stream().mapToLong(c -> c.learners().size()).sum(),
                plan.trainingPlans().size(),
                plan.contest() == null
                        ? "no contest"
                        : String.format(
                                Locale.ROOT,
                                "a contest of %,d entries",
                                plan.contest().entries()),
                DatasetLoader.seconds(Duration.ofNanos(System.nanoTime() - planning)));
        out.printf(
                "loading into %s (tasks-service) and %s (training-service), %d requests at a time%n",
                tasks.baseUrl(), training.baseUrl(), concurrency);
        requireEmptyServices(plan, tasks, training);

        DatasetLoader.Result result = new DatasetLoader(tasks, training, concurrency, out).load(plan);

        long checking = System.nanoTime();
        checkLists(plan, result, new DatasetCheck(tasks, training));
        if (options.containsKey("reporting-url")) {
            checkBriefing(
                    plan, result, new ServiceClient("reporting-service", options.get("reporting-url"), http, operator));
        }
        out.println("check: done in " + DatasetLoader.seconds(Duration.ofNanos(System.nanoTime() - checking)));

        summary(plan, result, Duration.ofNanos(System.nanoTime() - start));
    }

    private void checkLists(DatasetPlan plan, DatasetLoader.Result result, DatasetCheck check) {
        for (LocalDate to : List.of(ReferenceFigures.BRIEFING_TO, ReferenceFigures.NINE_MONTHS_TO)) {
            BriefingFigures expected = plan.figures(ReferenceFigures.FROM, to, true);
            BriefingFigures seen = check.await(ReferenceFigures.FROM, to, result.contestId(), expected, CHECK_LIMIT);
            if (!seen.equals(expected)) {
                throw new LoadFailure("the services' lists for " + ReferenceFigures.FROM + ".." + to + " show\n  "
                        + seen + "\nwhere the plan expects\n  " + expected);
            }
        }
        int hoanKiem = check.hoanKiemPlannedClasses();
        if (hoanKiem != hoanKiemPlanned(plan)) {
            throw new LoadFailure("Hoàn Kiếm's 2022 plan shows " + hoanKiem + " classes, not " + hoanKiemPlanned(plan));
        }
        out.println("check: the services' lists show the expected figures for both periods");
    }

    /** The briefing report itself, for both periods, now and as it stood at the meeting instant. */
    private void checkBriefing(DatasetPlan plan, DatasetLoader.Result result, ServiceClient reporting) {
        for (LocalDate to : List.of(ReferenceFigures.BRIEFING_TO, ReferenceFigures.NINE_MONTHS_TO)) {
            for (Instant recordedAt : new Instant[] {null, result.meetingInstant()}) {
                BriefingFigures expected = plan.figures(ReferenceFigures.FROM, to, recordedAt == null);
                JsonNode[] report = new JsonNode[1];
                BriefingFigures seen = DatasetCheck.await(
                        () -> DatasetCheck.reported(
                                report[0] = DatasetCheck.briefing(reporting, ReferenceFigures.FROM, to, recordedAt),
                                result.contestId()),
                        expected,
                        CHECK_LIMIT);
                String which =
                        ReferenceFigures.FROM + ".." + to + (recordedAt == null ? "" : " as recorded at " + recordedAt);
                if (!seen.equals(expected)) {
                    throw new LoadFailure("reporting-service's briefing for " + which + " shows\n  " + seen
                            + "\nwhere the plan expects\n  " + expected);
                }
                int hoanKiem = DatasetCheck.plannedClasses(report[0], ReferenceFigures.HOAN_KIEM);
                if (report[0].path("training").path("classes").asInt() != expected.classes()
                        || report[0].path("training").path("learnerTurns").asLong() != expected.learnerTurns()
                        || hoanKiem != hoanKiemPlanned(plan)) {
                    throw new LoadFailure("reporting-service's briefing for " + which + " shows "
                            + report[0].path("training").path("classes").asInt() + " classes, "
                            + report[0].path("training").path("learnerTurns").asLong()
                            + " learner-turns and a Hoàn Kiếm plan of " + hoanKiem + " classes");
                }
            }
        }
        out.println("check: reporting-service's briefing shows the expected figures for both periods,"
                + " now and as recorded at the meeting instant");
    }

    private static int hoanKiemPlanned(DatasetPlan plan) {
        return plan.trainingPlans().stream()
                .filter(p -> p.unitId().equals(ReferenceFigures.HOAN_KIEM))
                .mapToInt(PlannedTrainingPlan::totalClasses)
                .sum();
    }

    /** Refuses to load twice: the figures only come out right in services that hold no 2022 data yet. */
    private static void requireEmptyServices(DatasetPlan plan, ServiceClient tasks, ServiceClient training) {
        Set<String> known = new HashSet<>();
        for (JsonNode unit : tasks.get("/api/units")) {
            known.add(unit.path("id").asText());
        }
        Set<String> used = new HashSet<>();
        plan.tasks().forEach(task -> used.add(task.unitId()));
        plan.documents().forEach(document -> used.add(document.unitId()));
        plan.classes().forEach(planned -> used.add(planned.organizerUnitId()));
        used.removeAll(known);
        if (!used.isEmpty()) {
            throw new LoadFailure("tasks-service does not know the units " + used);
        }
        long tasksOf2022 = tasks.get("/api/tasks?programme=" + ReferenceFigures.PROGRAMME + "&size=1")
                .path("total")
                .asLong();
        long documentsOf2022 = tasks.get("/api/documents?issuedFrom=2022-01-01&issuedTo=2022-12-31&size=1")
                .path("total")
                .asLong();
        long classesOf2022 = training.get("/api/classes?startsFrom=2022-01-01&startsTo=2022-12-31&size=1")
                .path("total")
                .asLong();
        if (tasksOf2022 + documentsOf2022 + classesOf2022 > 0) {
            throw new LoadFailure(String.format(
                    Locale.ROOT,
                    "the services already hold 2022 data (%,d work items, %,d documents, %,d classes);"
                            + " load the reference dataset into empty services",
                    tasksOf2022,
                    documentsOf2022,
                    classesOf2022));
        }
    }

    private void summary(DatasetPlan plan, DatasetLoader.Result result, Duration total) {
        out.println();
        out.println("Loaded:");
        for (DatasetLoader.Part part : result.parts()) {
            out.printf(
                    Locale.ROOT, "  %-15s %8s  %s%n", part.name(), DatasetLoader.seconds(part.took()), part.summary());
        }
        if (result.contestId() != null) {
            out.println("  contest id      " + result.contestId());
        }
        out.println();
        BriefingFigures briefing = plan.figures(ReferenceFigures.FROM, ReferenceFigures.BRIEFING_TO, true);
        BriefingFigures nineMonths = plan.figures(ReferenceFigures.FROM, ReferenceFigures.NINE_MONTHS_TO, true);
        out.printf(
                "Expected briefing figures for unit HN, %s..%s and %s..%s%s:%n",
                ReferenceFigures.FROM,
                ReferenceFigures.BRIEFING_TO,
                ReferenceFigures.FROM,
                ReferenceFigures.NINE_MONTHS_TO,
                briefing.equals(nineMonths) ? " (the same)" : "");
        out.printf(
                Locale.ROOT,
                "  work items: %d due, %d done, %d open%n",
                briefing.tasksDue(),
                briefing.tasksDone(),
                briefing.tasksDue() - briefing.tasksDone());
        out.printf(Locale.ROOT, "  documents issued: %,d%n", briefing.documentsIssued());
        out.printf(
                Locale.ROOT,
                "  training: %,d classes, %,d learner-turns%n",
                briefing.classes(),
                briefing.learnerTurns());
        briefing.classesByBloc()
                .forEach((bloc, count) -> out.printf(
                        Locale.ROOT,
                        "    %-18s %,5d classes, %,8d learner-turns%n",
                        bloc,
                        count.classes(),
                        count.learnerTurns()));
        for (PlannedTrainingPlan trainingPlan : plan.trainingPlans()) {
            if (trainingPlan.unitId().equals(ReferenceFigures.HOAN_KIEM)) {
                StringBuilder lines = new StringBuilder();
                for (PlanLine line : trainingPlan.lines()) {
                    lines.append(lines.length() == 0 ? "" : "; ")
                            .append(line.label())
                            .append(' ')
                            .append(line.blocs())
                            .append(": ")
                            .append(line.classes());
                }
                out.printf(
                        "  %s training plan 2022: %d classes (%s)%n",
                        trainingPlan.unitId(), trainingPlan.totalClasses(), lines);
            }
        }
        if (plan.contest() != null) {
            out.printf(
                    Locale.ROOT,
                    "  contest \"%s\": %,d entries, %,d participants%n",
                    plan.contest().title(),
                    briefing.contestEntries(),
                    briefing.contestParticipants());
        }
        out.println();
        out.println("The report as presented at the meeting: recordedAt=" + result.meetingInstant()
                + " (the corrections after it leave every figure as it was)");
        out.println("total time " + DatasetLoader.seconds(total));
    }
}
