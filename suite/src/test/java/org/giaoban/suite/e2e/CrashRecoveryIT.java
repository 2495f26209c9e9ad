package org.giaoban.suite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.suite.e2e.RunningSuite.REPORTING;
import static org.giaoban.suite.e2e.RunningSuite.TASKS;
import static org.giaoban.suite.e2e.RunningSuite.TRAINING;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} at a random instant while callers write, then a restart: every write the API acknowledged is in
 * the event store, nothing is stored twice, and every read model (the service's own lists and reporting-service's
 * briefing) equals the event store again, without anybody's help.
 *
 * <p>Each test kills at instants drawn from a seed that it prints; {@code -Dgiaoban.crash.seed=<seed>} replays a run,
 * and {@code -Dgiaoban.crash.rounds=<n>} (default 1) kills and restarts n times in one run: the soak mode
 * (docs/RELIABILITY.md).
 */
class CrashRecoveryIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    private static final int ENTRIES_PER_BATCH = 500;
    private static final int LEARNERS_PER_BATCH = 50;
    private static final int CALLERS = 3;
    private static final Duration PACE = Duration.ofMillis(150);
    private static final String YEAR = "from=2022-01-01&to=2022-12-31";

    static RunningSuite suite;
    static long seed;
    static int rounds;

    @BeforeAll
    static void startTheSuite() throws Exception {
        seed = Long.getLong("giaoban.crash.seed", System.nanoTime());
        rounds = Integer.getInteger("giaoban.crash.rounds", 1);
        System.out.printf(
                "Crash tests: seed %d (-Dgiaoban.crash.seed=%d replays it), %d round(s)%n", seed, seed, rounds);
        suite = RunningSuite.start();
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void trainingServiceKilledDuringBulkLoadsLosesNoAcknowledgedEnrolmentOrEntry() throws Exception {
        Caller admin = suite.as("admin");
        String contestId = created(admin.post("/api/contests", """
                {"title": "Cuộc thi tìm hiểu Nghị quyết 15-NQ/TW (thử sự cố)", "subject": "Nghị quyết 15-NQ/TW",
                 "opensAt": "2022-05-01T00:00:00Z", "closesAt": "2022-09-30T00:00:00Z"}"""));
        String classId = created(admin.post("/api/classes", """
                {"title": "Bồi dưỡng lý luận chính trị (thử sự cố)", "organizerUnitId": "HN-QUOCOAI", "bloc": "PARTY",
                 "format": "IN_PERSON", "startsOn": "2022-03-01", "endsOn": "2022-03-05"}"""));
        StoredEvents trainingEvents = new StoredEvents(suite.dataDir(), TRAINING);
        AtomicLong nextLearner = new AtomicLong(79_301_000_000L);
        AtomicLong nextParticipant = new AtomicLong();
        Random random = new Random(seed);

        // Each district's officer has a rate limit of its own at the gateway.
        Caller phucTho = suite.as("phuctho");
        Caller quocOai = suite.as("quocoai");
        Tally entries = new Tally();
        Tally enrolments = new Tally();
        for (int round = 1; round <= rounds; round++) {
            Load load = Load.start(
                    CALLERS,
                    caller -> caller % 2 == 0
                            ? () -> entries.record(
                                    answerOrNone(() -> phucTho.post(
                                            "/api/contests/" + contestId + "/entries/batch",
                                            entryBatch(nextParticipant))),
                                    ENTRIES_PER_BATCH)
                            : () -> enrolments.record(
                                    answerOrNone(() -> quocOai.post(
                                            "/api/classes/" + classId + "/enrolments/batch",
                                            learnerBatch(nextLearner))),
                                    LEARNERS_PER_BATCH));
            load.awaitAcknowledged(
                    () -> entries.acknowledged() > 0 && enrolments.acknowledged() > 0,
                    () -> entries.lastAnswer() + " / " + enrolments.lastAnswer());
            Thread.sleep(random.nextInt(3_000));
            suite.crash(TRAINING);
            System.out.printf(
                    "round %d: training-service killed with %d entries and %d enrolments acknowledged%n",
                    round, entries.acknowledged(), enrolments.acknowledged());
            load.stop();
            suite.restart(TRAINING);
        }
        // After the last restart the service takes writes again.
        entries.record(
                phucTho.post("/api/contests/" + contestId + "/entries/batch", entryBatch(nextParticipant)),
                ENTRIES_PER_BATCH);
        assertThat(entries.lastAnswer().status())
                .as(entries.lastAnswer().toString())
                .isEqualTo(202);

        long storedEntries = trainingEvents.mentioning(contestId).stream()
                .filter(event -> event.payloadType().endsWith("ContestEntriesSubmittedEvent"))
                .mapToLong(event -> event.payload().path("entries").size())
                .sum();
        long storedEnrolments = trainingEvents.ofAggregate(classId).stream()
                .filter(event -> event.payloadType().endsWith("LearnersEnrolledEvent"))
                .mapToLong(event -> event.payload().path("learners").size())
                .sum();
        assertThat(storedEntries).as("entries stored, against %s", entries).satisfies(entries::accounts);
        assertThat(storedEnrolments)
                .as("enrolments stored, against %s", enrolments)
                .satisfies(enrolments::accounts);

        JsonNode contest = Polling.until(
                        CATCH_UP,
                        () -> admin.get("/api/contests/" + contestId),
                        answer -> answer.status() == 200
                                && answer.json().path("entries").asLong() == storedEntries)
                .json();
        assertThat(contest.path("entries").asLong()).isEqualTo(storedEntries);
        assertThat(contest.path("participants").asLong()).isEqualTo(storedEntries);
        JsonNode trainingClass = Polling.until(
                        CATCH_UP,
                        () -> admin.get("/api/classes/" + classId),
                        answer -> answer.status() == 200
                                && answer.json().path("enrolled").asLong() == storedEnrolments)
                .json();
        assertThat(trainingClass.path("enrolled").asLong()).isEqualTo(storedEnrolments);

        JsonNode briefing = briefingWhenCaughtUp(admin, "training", trainingEvents.head());
        assertThat(contestIn(briefing, contestId).path("entries").asLong()).isEqualTo(storedEntries);
        JsonNode quocOaiBriefing = admin.get("/api/reports/briefing?" + YEAR + "&unitId=HN-QUOCOAI")
                .json();
        assertThat(quocOaiBriefing.path("training").path("learnerTurns").asLong())
                .isEqualTo(storedEnrolments);
    }

    @Test
    void tasksServiceKilledWhileWorkItemsArePlannedLosesNoAcknowledgedItem() throws Exception {
        Caller admin = suite.as("admin");
        Caller longBien = suite.as("longbien");
        String title = "Đầu việc thử sự cố " + UUID.randomUUID().toString().substring(0, 8);
        StoredEvents tasksEvents = new StoredEvents(suite.dataDir(), TASKS);
        Random random = new Random(seed + 1);
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inDoubt = new AtomicInteger();
        AtomicInteger number = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Answer> last = new java.util.concurrent.atomic.AtomicReference<>();

        for (int round = 1; round <= rounds; round++) {
            Load load = Load.start(CALLERS, caller -> () -> {
                Answer answer =
                        answerOrNone(() -> longBien.post("/api/tasks", """
                        {"programme": "2022", "title": "%s %d", "unitId": "HN-LONGBIEN", "dueOn": "2022-06-30"}""".formatted(title, number.incrementAndGet())));
                last.set(answer);
                if (answer.status() == 201) {
                    acknowledged.add(answer.json().path("id").asText());
                } else if (answer.status() >= 500 || answer.status() == 0) {
                    inDoubt.incrementAndGet();
                }
            });
            load.awaitAcknowledged(() -> !acknowledged.isEmpty(), () -> String.valueOf(last.get()));
            Thread.sleep(random.nextInt(2_000));
            suite.crash(TASKS);
            load.stop();
            System.out.printf(
                    "round %d: tasks-service killed with %d work items acknowledged%n", round, acknowledged.size());
            suite.restart(TASKS);
        }

        for (String taskId : acknowledged) {
            assertThat(tasksEvents.ofAggregate(taskId))
                    .as("the events of acknowledged item %s", taskId)
                    .hasSize(1);
        }
        long stored = tasksEvents.mentioning(title).size();
        assertThat(stored).isBetween((long) acknowledged.size(), (long) acknowledged.size() + inDoubt.get());

        for (String taskId : acknowledged) {
            Answer read =
                    Polling.until(CATCH_UP, () -> admin.get("/api/tasks/" + taskId), answer -> answer.status() == 200);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
        }
        JsonNode briefing = briefingWhenCaughtUp(admin, "tasks", tasksEvents.head());
        assertThat(briefing.path("position").path("tasks").asLong()).isEqualTo(tasksEvents.head());
    }

    @Test
    void reportingServiceKilledDuringARebuildComesBackWithTheSameFigures() throws Exception {
        Caller admin = suite.as("admin");
        Random random = new Random(seed + 2);
        StoredEvents trainingEvents = new StoredEvents(suite.dataDir(), TRAINING);
        StoredEvents tasksEvents = new StoredEvents(suite.dataDir(), TASKS);
        created(admin.post("/api/tasks", """
                {"programme": "2022", "title": "Tổng kết công tác tuyên giáo", "unitId": "HN", "dueOn": "2022-08-30"}"""));
        String classId = created(admin.post("/api/classes", """
                {"title": "Bồi dưỡng nghiệp vụ tuyên giáo", "organizerUnitId": "HN-HOANKIEM", "bloc": "STATE",
                 "format": "ONLINE", "startsOn": "2022-04-01", "endsOn": "2022-04-03"}"""));
        Answer enrolled = admin.post(
                "/api/classes/" + classId + "/enrolments/batch", learnerBatch(new AtomicLong(1_000_000_000L)));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        briefingWhenCaughtUp(admin, "tasks", tasksEvents.head());
        String before = figures(briefingWhenCaughtUp(admin, "training", trainingEvents.head()));

        for (int round = 1; round <= rounds; round++) {
            String readModel = random.nextBoolean() ? "briefing-training" : "briefing-tasks";
            Answer rebuild = admin.post("/api/admin/projections/" + readModel + "/rebuild", "{}");
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            Thread.sleep(random.nextInt(1_500));
            suite.crash(REPORTING);
            System.out.printf("round %d: reporting-service killed during a rebuild of %s%n", round, readModel);
            suite.restart(REPORTING);
        }

        briefingWhenCaughtUp(admin, "tasks", tasksEvents.head());
        assertThat(figures(briefingWhenCaughtUp(admin, "training", trainingEvents.head())))
                .isEqualTo(before);
        Answer rebuilt = admin.post("/api/admin/projections/briefing-training/rebuild", "{}");
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(202);
        Answer done = Polling.until(
                CATCH_UP,
                () -> admin.get("/api/admin/projections"),
                answer -> answer.status() == 200
                        && answer.body().contains("\"LIVE\"")
                        && !answer.body().contains("\"REBUILDING\""));
        assertThat(done.body()).doesNotContain("REBUILDING");
        assertThat(figures(briefingWhenCaughtUp(admin, "training", trainingEvents.head())))
                .isEqualTo(before);
    }

    /** The briefing of 2022 for the city once reporting-service has read the service's store up to {@code head}. */
    private static JsonNode briefingWhenCaughtUp(Caller caller, String service, long head) {
        Answer answer = Polling.until(
                CATCH_UP,
                () -> caller.get("/api/reports/briefing?" + YEAR),
                report -> report.status() == 200
                        && report.json().path("position").path(service).asLong() == head);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("position").path(service).asLong())
                .as("reporting-service's position in the %s store", service)
                .isEqualTo(head);
        return answer.json();
    }

    /** What a reader compares: every figure, without the positions the report was read at. */
    private static String figures(JsonNode briefing) {
        return briefing.path("tasks").toString()
                + briefing.path("documents")
                + briefing.path("training")
                + briefing.path("trainingPlans")
                + briefing.path("contests");
    }

    private static JsonNode contestIn(JsonNode briefing, String contestId) {
        for (JsonNode contest : briefing.path("contests")) {
            if (contest.path("id").asText().equals(contestId)) {
                return contest;
            }
        }
        throw new AssertionError("contest " + contestId + " is not in the briefing: " + briefing.path("contests"));
    }

    /**
     * The answer, or status 0 when the connection broke before a whole answer came: the service was killed while the
     * gateway was passing its answer on, so the caller cannot know whether the write was stored.
     */
    private static Answer answerOrNone(java.util.function.Supplier<Answer> request) {
        try {
            return request.get();
        } catch (java.io.UncheckedIOException brokenAnswer) {
            return new Answer(
                    "(no whole answer: " + brokenAnswer.getCause() + ")",
                    0,
                    java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true),
                    "");
        }
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static String entryBatch(AtomicLong nextParticipant) {
        StringBuilder batch = new StringBuilder("{\"entries\": [");
        for (int i = 0; i < ENTRIES_PER_BATCH; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"participantId\": \"p")
                    .append(nextParticipant.incrementAndGet())
                    .append(
                            "\", \"unitId\": \"HN-PHUCTHO\", \"submittedAt\": \"2022-06-01T03:00:00Z\", \"score\": 80}");
        }
        return batch.append("]}").toString();
    }

    private static String learnerBatch(AtomicLong nextLearner) {
        StringBuilder batch = new StringBuilder("{\"learners\": [");
        for (int i = 0; i < LEARNERS_PER_BATCH; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"learnerId\": \"")
                    .append(String.format("%012d", nextLearner.incrementAndGet()))
                    .append("\", \"fullName\": \"Nguyễn Văn An\", \"unitId\": \"HN-QUOCOAI\"}");
        }
        return batch.append("]}").toString();
    }

    /**
     * What callers were told about their batches: rows acknowledged, and rows of requests whose outcome nobody
     * learned (the connection broke, or the gateway gave up waiting), which the store may or may not hold.
     */
    static final class Tally {
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong inDoubt = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicReference<Answer> lastAnswer =
                new java.util.concurrent.atomic.AtomicReference<>();

        void record(Answer answer, int rows) {
            lastAnswer.set(answer);
            if (answer.status() == 200 || answer.status() == 201 || answer.status() == 202) {
                JsonNode outcome = answer.json();
                assertThat(outcome.path("rejected").size())
                        .as(answer.toString())
                        .isZero();
                acknowledged.addAndGet(outcome.path("accepted").asLong());
            } else if (answer.status() >= 500 || answer.status() == 0) {
                inDoubt.addAndGet(rows);
            }
        }

        long acknowledged() {
            return acknowledged.get();
        }

        Answer lastAnswer() {
            return lastAnswer.get();
        }

        /** Every acknowledged row is stored, and nothing more than the rows in doubt besides. */
        void accounts(Long stored) {
            assertThat(stored).isBetween(acknowledged.get(), acknowledged.get() + inDoubt.get());
        }

        @Override
        public String toString() {
            return acknowledged + " acknowledged, " + inDoubt + " in doubt";
        }
    }

    /** Callers sending requests one after the other until stopped. */
    private static final class Load {
        private final ExecutorService callers;
        private final List<Future<?>> running = new ArrayList<>();
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Load(int count) {
            this.callers = Executors.newFixedThreadPool(count);
        }

        static Load start(int count, IntFunction<Runnable> request) {
            Load load = new Load(count);
            for (int i = 0; i < count; i++) {
                Runnable send = request.apply(i);
                load.running.add(load.callers.submit(() -> {
                    while (!load.stopped.get()) {
                        send.run();
                        // Paced under the gateway's rate limit of each caller (20 requests a second).
                        Thread.sleep(PACE.toMillis());
                    }
                    return null;
                }));
            }
            return load;
        }

        /** Waits, 60 s at most, until the callers have had an answer that counts. */
        void awaitAcknowledged(java.util.function.BooleanSupplier some, java.util.function.Supplier<String> last)
                throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!some.getAsBoolean()) {
                assertThat(System.nanoTime())
                        .as(() -> "no request acknowledged within 60 s; the last answer: " + last.get())
                        .isLessThan(deadline);
                for (Future<?> caller : running) {
                    if (caller.isDone()) {
                        try {
                            caller.get();
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw new AssertionError("a caller failed", e.getCause());
                        }
                    }
                }
                Thread.sleep(50);
            }
        }

        void stop() throws Exception {
            stopped.set(true);
            callers.shutdown();
            for (Future<?> caller : running) {
                caller.get();
            }
        }
    }
}
