package org.giaoban.suite.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the figures back for unit {@code HN}, as a user would check them: from the services' own lists (work items
 * due, open or completed, and done by the end of the period; documents issued and not revoked; classes not cancelled
 * and their learners by bloc; the contest's counters) and, when reporting-service is given, from its briefing report,
 * also as recorded at an instant. Lists and reports follow the writes within moments, so the check asks again until
 * they agree with the plan or a time limit passes.
 */
final class DatasetCheck {

    private static final int PAGE = 500;

    private final ServiceClient tasks;
    private final ServiceClient training;

    DatasetCheck(ServiceClient tasks, ServiceClient training) {
        this.tasks = tasks;
        this.training = training;
    }

    /** The figures the services show for [from, to]; contest counters only when {@code contestId} is given. */
    BriefingFigures observed(LocalDate from, LocalDate to, String contestId) {
        String taskFilter =
                "/api/tasks?programme=" + ReferenceFigures.PROGRAMME + "&unitId=HN&dueFrom=" + from + "&dueTo=" + to;
        int open = tasks.get(taskFilter + "&status=OPEN&size=1").path("total").asInt();
        int done = 0;
        int completed = 0;
        for (int page = 0; ; page++) {
            JsonNode list = tasks.get(taskFilter + "&status=COMPLETED&size=" + PAGE + "&page=" + page);
            for (JsonNode task : list.path("items")) {
                completed++;
                if (!LocalDate.parse(task.path("completedOn").asText()).isAfter(to)) {
                    done++;
                }
            }
            if ((long) (page + 1) * PAGE >= list.path("total").asLong()) {
                break;
            }
        }
        int documents = tasks.get(
                        "/api/documents?unitId=HN&status=ISSUED&issuedFrom=" + from + "&issuedTo=" + to + "&size=1")
                .path("total")
                .asInt();
        Map<Bloc, int[]> counts = new EnumMap<>(Bloc.class);
        for (Bloc bloc : Bloc.values()) {
            counts.put(bloc, new int[2]);
        }
        for (int page = 0; ; page++) {
            JsonNode list = training.get("/api/classes?organizerUnitId=HN&startsFrom=" + from + "&startsTo=" + to
                    + "&size=" + PAGE + "&page=" + page);
            for (JsonNode trainingClass : list.path("items")) {
                if (!"CANCELLED".equals(trainingClass.path("status").asText())) {
                    int[] count =
                            counts.get(Bloc.valueOf(trainingClass.path("bloc").asText()));
                    count[0]++;
                    count[1] += trainingClass.path("enrolled").asInt();
                }
            }
            if ((long) (page + 1) * PAGE >= list.path("total").asLong()) {
                break;
            }
        }
        Map<Bloc, BriefingFigures.ClassCount> byBloc = new EnumMap<>(Bloc.class);
        counts.forEach((bloc, count) -> byBloc.put(bloc, new BriefingFigures.ClassCount(count[0], count[1])));
        long entries = 0;
        long participants = 0;
        if (contestId != null) {
            JsonNode contest = training.get("/api/contests/" + contestId);
            entries = contest.path("entries").asLong();
            participants = contest.path("participants").asLong();
        }
        return new BriefingFigures(open + completed, done, documents, byBloc, entries, participants);
    }

    /** The total of classes in Hoàn Kiếm's 2022 plan as the service shows it. */
    int hoanKiemPlannedClasses() {
        return training.get("/api/training-plans/" + ReferenceFigures.HOAN_KIEM + "/2022")
                .path("totalClasses")
                .asInt();
    }

    /**
     * The figures of reporting-service's briefing for unit {@code HN} over [from, to], as recorded at
     * {@code recordedAt} when it is given; the contest's counters only when {@code contestId} is given.
     */
    static BriefingFigures reported(JsonNode report, String contestId) {
        Map<Bloc, BriefingFigures.ClassCount> byBloc = new EnumMap<>(Bloc.class);
        for (Bloc bloc : Bloc.values()) {
            JsonNode figures = report.path("training").path("byBloc").path(bloc.name());
            byBloc.put(
                    bloc,
                    new BriefingFigures.ClassCount(
                            figures.path("classes").asInt(),
                            figures.path("learnerTurns").asLong()));
        }
        long entries = 0;
        long participants = 0;
        for (JsonNode contest : report.path("contests")) {
            if (contest.path("id").asText().equals(contestId)) {
                entries = contest.path("entries").asLong();
                participants = contest.path("participants").asLong();
            }
        }
        return new BriefingFigures(
                report.path("tasks").path("due").asInt(),
                report.path("tasks").path("completed").asInt(),
                report.path("documents").path("issued").asInt(),
                byBloc,
                entries,
                participants);
    }

    static JsonNode briefing(ServiceClient reporting, LocalDate from, LocalDate to, Instant recordedAt) {
        return reporting.get("/api/reports/briefing?from=" + from + "&to=" + to + "&unitId=HN"
                + (recordedAt == null ? "" : "&recordedAt=" + recordedAt));
    }

    /** The classes a unit's 2022 plan lists in a briefing report; -1 when the report has no such plan. */
    static int plannedClasses(JsonNode report, String unitId) {
        for (JsonNode plan : report.path("trainingPlans")) {
            if (plan.path("unitId").asText().equals(unitId) && plan.path("year").asInt() == 2022) {
                int planned = 0;
                for (JsonNode line : plan.path("lines")) {
                    planned += line.path("planned").asInt();
                }
                return planned;
            }
        }
        return -1;
    }

    /** Asks until the lists show {@code expected}; the last figures seen when they never do within the limit. */
    BriefingFigures await(LocalDate from, LocalDate to, String contestId, BriefingFigures expected, Duration limit) {
        return await(() -> observed(from, to, contestId), expected, limit);
    }

    /** Reads until {@code expected} is seen; the last figures read when it never is within the limit. */
    static BriefingFigures await(Supplier<BriefingFigures> read, BriefingFigures expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            BriefingFigures seen = read.get();
            if (seen.equals(expected) || System.nanoTime() > deadline) {
                return seen;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadFailure("interrupted while checking", e);
            }
        }
    }
}
