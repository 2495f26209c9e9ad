package org.giaoban.suite.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the figures back from the services' own lists, as a user would check them, for unit {@code HN}: work items
 * due (open or completed) and done by the end of the period, documents issued and not revoked, classes not cancelled
 * and their learners by bloc, and the contest's counters. The lists follow the writes within moments, so the check
 * asks again until they agree with the plan or a time limit passes.
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

    /** Asks until the lists show {@code expected}; the last figures seen when they never do within the limit. */
    BriefingFigures await(LocalDate from, LocalDate to, String contestId, BriefingFigures expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            BriefingFigures seen = observed(from, to, contestId);
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
